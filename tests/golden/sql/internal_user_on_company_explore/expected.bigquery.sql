SELECT
    users.email AS users_email,
    users.first_name || ' ' || users.last_name AS users_full_name,
    companies.plan AS companies_plan
FROM public.users AS users
LEFT JOIN public.companies AS companies ON users.company_id = companies.id
WHERE (users.company_id = 1)
GROUP BY 1, 2, 3
ORDER BY 1
