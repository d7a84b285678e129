SELECT
    users.first_name AS "users.first_name",
    COUNT(*) AS "enrollments.count"
FROM public.enrollments AS enrollments
LEFT JOIN public.users AS users ON enrollments.user_id = users.id
WHERE (users.company_id = 2)
GROUP BY 1
ORDER BY 2 DESC
