SELECT
    companies.name AS "companies.name",
    COUNT(DISTINCT companies.id) AS "companies.count",
    COUNT(DISTINCT users.id) AS "users.count",
    COUNT(DISTINCT courses.id) AS "courses.count",
    COALESCE(CAST(SUM(DISTINCT CAST(FLOOR(CAST(COALESCE(courses.price, 0) AS DECIMAL(38,6)) * 1000000) AS HUGEINT) + CAST(MD5_NUMBER(CAST(courses.id AS VARCHAR)) >> 64 AS HUGEINT)) - SUM(DISTINCT CAST(MD5_NUMBER(CAST(courses.id AS VARCHAR)) >> 64 AS HUGEINT)) AS DECIMAL(38,0)) * 0.000001, 0) AS "courses.total_price",
    COUNT(DISTINCT enrollments.id) AS "enrollments.count",
    (COALESCE(CAST(SUM(DISTINCT CAST(FLOOR(CAST(COALESCE(enrollments.score, 0) AS DECIMAL(38,6)) * 1000000) AS HUGEINT) + CAST(MD5_NUMBER(CAST(enrollments.id AS VARCHAR)) >> 64 AS HUGEINT)) - SUM(DISTINCT CAST(MD5_NUMBER(CAST(enrollments.id AS VARCHAR)) >> 64 AS HUGEINT)) AS DECIMAL(38,0)) * 0.000001, 0) / NULLIF(COUNT(DISTINCT CASE WHEN enrollments.score IS NOT NULL THEN enrollments.id ELSE NULL END), 0)) AS "enrollments.average_score"
FROM public.companies AS companies
LEFT JOIN public.users AS users ON companies.id = users.company_id
LEFT JOIN public.courses AS courses ON companies.id = courses.company_id
LEFT JOIN public.enrollments AS enrollments ON users.id = enrollments.user_id
GROUP BY 1
ORDER BY 2 DESC
