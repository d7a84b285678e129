SELECT
    companies.name AS "companies.name",
    COUNT(DISTINCT users.id) AS "users.count"
FROM public.users AS users
LEFT JOIN public.companies AS companies ON users.company_id = companies.id
LEFT JOIN public.enrollments AS enrollments ON users.id = enrollments.user_id
WHERE ((enrollments.score >= 70))
GROUP BY 1
HAVING ((COUNT(DISTINCT users.id)) > 5)
ORDER BY 2 DESC
