SELECT
    companies.name AS companies_name,
    COUNT(DISTINCT companies.id) AS companies_count,
    COUNT(DISTINCT users.id) AS users_count,
    COUNT(DISTINCT courses.id) AS courses_count,
    COALESCE(ROUND(COALESCE(CAST((SUM(DISTINCT (CAST(ROUND(COALESCE(courses.price, 0) * (1/1000*1.0), 9) AS NUMERIC) + (CAST(CAST(CONCAT('0x', SUBSTR(TO_HEX(MD5(CAST(courses.id AS STRING))), 1, 15)) AS INT64) AS NUMERIC) * 4294967296 + CAST(CAST(CONCAT('0x', SUBSTR(TO_HEX(MD5(CAST(courses.id AS STRING))), 16, 8)) AS INT64) AS NUMERIC)) * 0.000000001)) - SUM(DISTINCT (CAST(CAST(CONCAT('0x', SUBSTR(TO_HEX(MD5(CAST(courses.id AS STRING))), 1, 15)) AS INT64) AS NUMERIC) * 4294967296 + CAST(CAST(CONCAT('0x', SUBSTR(TO_HEX(MD5(CAST(courses.id AS STRING))), 16, 8)) AS INT64) AS NUMERIC)) * 0.000000001)) / (1/1000*1.0) AS FLOAT64), 0), 6), 0) AS courses_total_price,
    COUNT(DISTINCT enrollments.id) AS enrollments_count,
    (COALESCE(ROUND(COALESCE(CAST((SUM(DISTINCT (CAST(ROUND(COALESCE(enrollments.score, 0) * (1/1000*1.0), 9) AS NUMERIC) + (CAST(CAST(CONCAT('0x', SUBSTR(TO_HEX(MD5(CAST(enrollments.id AS STRING))), 1, 15)) AS INT64) AS NUMERIC) * 4294967296 + CAST(CAST(CONCAT('0x', SUBSTR(TO_HEX(MD5(CAST(enrollments.id AS STRING))), 16, 8)) AS INT64) AS NUMERIC)) * 0.000000001)) - SUM(DISTINCT (CAST(CAST(CONCAT('0x', SUBSTR(TO_HEX(MD5(CAST(enrollments.id AS STRING))), 1, 15)) AS INT64) AS NUMERIC) * 4294967296 + CAST(CAST(CONCAT('0x', SUBSTR(TO_HEX(MD5(CAST(enrollments.id AS STRING))), 16, 8)) AS INT64) AS NUMERIC)) * 0.000000001)) / (1/1000*1.0) AS FLOAT64), 0), 6), 0) / NULLIF(COUNT(DISTINCT CASE WHEN enrollments.score IS NOT NULL THEN enrollments.id ELSE NULL END), 0)) AS enrollments_average_score
FROM public.companies AS companies
LEFT JOIN public.users AS users ON companies.id = users.company_id
LEFT JOIN public.courses AS courses ON companies.id = courses.company_id
LEFT JOIN public.enrollments AS enrollments ON users.id = enrollments.user_id
GROUP BY 1
ORDER BY 2 DESC
