SELECT
    companies.name AS companies_name,
    COUNT(*) AS enrollments_count,
    COUNT(DISTINCT users.id) AS users_count,
    COUNT(DISTINCT courses.id) AS courses_count,
    (COALESCE(ROUND(COALESCE(CAST((SUM(DISTINCT (CAST(ROUND(COALESCE(courses.price, 0) * (1/1000*1.0), 9) AS NUMERIC) + (CAST(CAST(CONCAT('0x', SUBSTR(TO_HEX(MD5(CAST(courses.id AS STRING))), 1, 15)) AS INT64) AS NUMERIC) * 4294967296 + CAST(CAST(CONCAT('0x', SUBSTR(TO_HEX(MD5(CAST(courses.id AS STRING))), 16, 8)) AS INT64) AS NUMERIC)) * 0.000000001)) - SUM(DISTINCT (CAST(CAST(CONCAT('0x', SUBSTR(TO_HEX(MD5(CAST(courses.id AS STRING))), 1, 15)) AS INT64) AS NUMERIC) * 4294967296 + CAST(CAST(CONCAT('0x', SUBSTR(TO_HEX(MD5(CAST(courses.id AS STRING))), 16, 8)) AS INT64) AS NUMERIC)) * 0.000000001)) / (1/1000*1.0) AS FLOAT64), 0), 6), 0) / NULLIF(COUNT(DISTINCT CASE WHEN courses.price IS NOT NULL THEN courses.id ELSE NULL END), 0)) AS courses_average_price
FROM public.enrollments AS enrollments
LEFT JOIN public.users AS users ON enrollments.user_id = users.id
LEFT JOIN public.companies AS companies ON users.company_id = companies.id
LEFT JOIN public.courses AS courses ON enrollments.course_id = courses.id
GROUP BY 1
ORDER BY 2 DESC
