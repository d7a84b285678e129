SELECT
    users.email AS "users.email",
    users.first_name || ' ' || users.last_name AS "users.full_name",
    COUNT(*) AS "users.count"
FROM public.users AS users
WHERE (users.company_id = 2)
GROUP BY 1, 2
ORDER BY 3 DESC
