SELECT
    users.email AS "users.email",
    users.first_name || ' ' || users.last_name AS "users.full_name",
    companies.plan AS "companies.plan"
FROM public.users AS users
LEFT JOIN public.companies AS companies ON users.company_id = companies.id
WHERE (users.company_id = 1)
GROUP BY 1, 2, 3
ORDER BY 1
