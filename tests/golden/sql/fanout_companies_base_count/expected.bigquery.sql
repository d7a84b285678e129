SELECT
    companies.plan AS companies_plan,
    COUNT(DISTINCT companies.id) AS companies_count,
    COUNT(users.id) AS users_count
FROM public.companies AS companies
LEFT JOIN public.users AS users ON companies.id = users.company_id
GROUP BY 1
ORDER BY 2 DESC
