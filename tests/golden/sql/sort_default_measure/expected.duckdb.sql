SELECT
    users.role AS "users.role",
    COUNT(*) AS "users.count",
    COUNT(CASE WHEN ((users.last_login_at IS NOT NULL)) THEN 1 ELSE NULL END) AS "users.active_count"
FROM public.users AS users
GROUP BY 1
ORDER BY 2 DESC
