SELECT
    users.role AS users_role,
    COUNT(*) AS users_count,
    COUNT(CASE WHEN ((users.last_login_at IS NOT NULL)) THEN 1 ELSE NULL END) AS users_active_count
FROM public.users AS users
GROUP BY 1
ORDER BY 2 DESC
