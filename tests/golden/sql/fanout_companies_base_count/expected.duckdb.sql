SELECT
    companies.plan AS "companies.plan",
    COUNT(DISTINCT companies.id) AS "companies.count",
    COUNT(users.id) AS "users.count"
FROM public.companies AS companies
LEFT JOIN public.users AS users ON companies.id = users.company_id
GROUP BY 1
ORDER BY 2 DESC
