SELECT
    companies.name AS "companies.name",
    COUNT(DISTINCT companies.id) AS "companies.count",
    COUNT(DISTINCT users.id) AS "users.count",
    COUNT(DISTINCT courses.id) AS "courses.count",
    COALESCE(CAST((SUM(DISTINCT (CAST(FLOOR(COALESCE(courses.price, 0) * (1000000*1.0)) AS DECIMAL(38,0))) + (TO_NUMBER(MD5(courses.id), 'XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX') % 1.0e27)::NUMERIC(38, 0)) - SUM(DISTINCT (TO_NUMBER(MD5(courses.id), 'XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX') % 1.0e27)::NUMERIC(38, 0))) AS DOUBLE PRECISION) / CAST((1000000*1.0) AS DOUBLE PRECISION), 0) AS "courses.total_price",
    COUNT(DISTINCT enrollments.id) AS "enrollments.count",
    (COALESCE(CAST((SUM(DISTINCT (CAST(FLOOR(COALESCE(enrollments.score, 0) * (1000000*1.0)) AS DECIMAL(38,0))) + (TO_NUMBER(MD5(enrollments.id), 'XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX') % 1.0e27)::NUMERIC(38, 0)) - SUM(DISTINCT (TO_NUMBER(MD5(enrollments.id), 'XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX') % 1.0e27)::NUMERIC(38, 0))) AS DOUBLE PRECISION) / CAST((1000000*1.0) AS DOUBLE PRECISION), 0) / NULLIF(COUNT(DISTINCT CASE WHEN enrollments.score IS NOT NULL THEN enrollments.id ELSE NULL END), 0)) AS "enrollments.average_score"
FROM public.companies AS companies
LEFT JOIN public.users AS users ON companies.id = users.company_id
LEFT JOIN public.courses AS courses ON companies.id = courses.company_id
LEFT JOIN public.enrollments AS enrollments ON users.id = enrollments.user_id
GROUP BY 1
ORDER BY 2 DESC
