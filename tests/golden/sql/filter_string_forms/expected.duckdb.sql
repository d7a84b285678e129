SELECT
    users.first_name AS "users.first_name",
    COUNT(*) AS "users.count"
FROM public.users AS users
LEFT JOIN public.companies AS companies ON users.company_id = companies.id
WHERE ((companies.name LIKE 'O''Brien%' OR companies.name LIKE 'Café%') AND (companies.name NOT LIKE '%Formation' OR companies.name IS NULL))
  AND ((companies.subdomain IN ('x'' OR ''1''=''1', 'obrien', 'cafe-creme')) AND companies.subdomain IS NOT NULL)
  AND ((users.first_name NOT LIKE '%an%' OR users.first_name IS NULL))
  AND (users.role IN ('admin', 'instructor'))
GROUP BY 1
ORDER BY 2 DESC
