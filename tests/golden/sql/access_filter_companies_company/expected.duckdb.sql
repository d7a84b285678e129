SELECT
    companies.name AS "companies.name",
    COUNT(DISTINCT users.id) AS "users.count",
    COUNT(DISTINCT courses.id) AS "courses.count"
FROM public.companies AS companies
LEFT JOIN public.users AS users ON companies.id = users.company_id
LEFT JOIN public.courses AS courses ON companies.id = courses.company_id
WHERE (companies.id = 4)
GROUP BY 1
ORDER BY 2 DESC
