SELECT
    companies.name AS "companies.name",
    COUNT(*) AS "enrollments.count",
    COUNT(DISTINCT users.id) AS "users.count",
    COUNT(DISTINCT courses.id) AS "courses.count",
    (COALESCE(CAST(SUM(DISTINCT CAST(FLOOR(CAST(COALESCE(courses.price, 0) AS DECIMAL(38,6)) * 1000000) AS HUGEINT) + CAST(MD5_NUMBER(CAST(courses.id AS VARCHAR)) >> 64 AS HUGEINT)) - SUM(DISTINCT CAST(MD5_NUMBER(CAST(courses.id AS VARCHAR)) >> 64 AS HUGEINT)) AS DECIMAL(38,0)) * 0.000001, 0) / NULLIF(COUNT(DISTINCT CASE WHEN courses.price IS NOT NULL THEN courses.id ELSE NULL END), 0)) AS "courses.average_price"
FROM public.enrollments AS enrollments
LEFT JOIN public.users AS users ON enrollments.user_id = users.id
LEFT JOIN public.companies AS companies ON users.company_id = companies.id
LEFT JOIN public.courses AS courses ON enrollments.course_id = courses.id
GROUP BY 1
ORDER BY 2 DESC
