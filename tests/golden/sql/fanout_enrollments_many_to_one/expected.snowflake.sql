SELECT
    companies.name AS "companies.name",
    COUNT(*) AS "enrollments.count",
    COUNT(DISTINCT users.id) AS "users.count",
    COUNT(DISTINCT courses.id) AS "courses.count",
    (COALESCE(CAST((SUM(DISTINCT (CAST(FLOOR(COALESCE(courses.price, 0) * (1000000*1.0)) AS DECIMAL(38,0))) + (TO_NUMBER(MD5(courses.id), 'XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX') % 1.0e27)::NUMERIC(38, 0)) - SUM(DISTINCT (TO_NUMBER(MD5(courses.id), 'XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX') % 1.0e27)::NUMERIC(38, 0))) AS DOUBLE PRECISION) / CAST((1000000*1.0) AS DOUBLE PRECISION), 0) / NULLIF(COUNT(DISTINCT CASE WHEN courses.price IS NOT NULL THEN courses.id ELSE NULL END), 0)) AS "courses.average_price"
FROM public.enrollments AS enrollments
LEFT JOIN public.users AS users ON enrollments.user_id = users.id
LEFT JOIN public.companies AS companies ON users.company_id = companies.id
LEFT JOIN public.courses AS courses ON enrollments.course_id = courses.id
GROUP BY 1
ORDER BY 2 DESC
