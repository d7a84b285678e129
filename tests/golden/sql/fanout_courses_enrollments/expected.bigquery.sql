SELECT
    courses.title AS courses_title,
    COALESCE(ROUND(COALESCE(CAST((SUM(DISTINCT (CAST(ROUND(COALESCE(courses.price, 0) * (1/1000*1.0), 9) AS NUMERIC) + (CAST(CAST(CONCAT('0x', SUBSTR(TO_HEX(MD5(CAST(courses.id AS STRING))), 1, 15)) AS INT64) AS NUMERIC) * 4294967296 + CAST(CAST(CONCAT('0x', SUBSTR(TO_HEX(MD5(CAST(courses.id AS STRING))), 16, 8)) AS INT64) AS NUMERIC)) * 0.000000001)) - SUM(DISTINCT (CAST(CAST(CONCAT('0x', SUBSTR(TO_HEX(MD5(CAST(courses.id AS STRING))), 1, 15)) AS INT64) AS NUMERIC) * 4294967296 + CAST(CAST(CONCAT('0x', SUBSTR(TO_HEX(MD5(CAST(courses.id AS STRING))), 16, 8)) AS INT64) AS NUMERIC)) * 0.000000001)) / (1/1000*1.0) AS FLOAT64), 0), 6), 0) AS courses_total_price,
    (COALESCE(ROUND(COALESCE(CAST((SUM(DISTINCT (CAST(ROUND(COALESCE(courses.price, 0) * (1/1000*1.0), 9) AS NUMERIC) + (CAST(CAST(CONCAT('0x', SUBSTR(TO_HEX(MD5(CAST(courses.id AS STRING))), 1, 15)) AS INT64) AS NUMERIC) * 4294967296 + CAST(CAST(CONCAT('0x', SUBSTR(TO_HEX(MD5(CAST(courses.id AS STRING))), 16, 8)) AS INT64) AS NUMERIC)) * 0.000000001)) - SUM(DISTINCT (CAST(CAST(CONCAT('0x', SUBSTR(TO_HEX(MD5(CAST(courses.id AS STRING))), 1, 15)) AS INT64) AS NUMERIC) * 4294967296 + CAST(CAST(CONCAT('0x', SUBSTR(TO_HEX(MD5(CAST(courses.id AS STRING))), 16, 8)) AS INT64) AS NUMERIC)) * 0.000000001)) / (1/1000*1.0) AS FLOAT64), 0), 6), 0) / NULLIF(COUNT(DISTINCT CASE WHEN courses.price IS NOT NULL THEN courses.id ELSE NULL END), 0)) AS courses_average_price,
    COUNT(DISTINCT courses.id) AS courses_count,
    COUNT(enrollments.id) AS enrollments_count,
    AVG(enrollments.progress_percent) AS enrollments_average_progress,
    COUNT(certificates.id) AS certificates_count,
    COUNT(DISTINCT users.id) AS users_count
FROM public.courses AS courses
LEFT JOIN public.enrollments AS enrollments ON courses.id = enrollments.course_id
LEFT JOIN public.users AS users ON enrollments.user_id = users.id
LEFT JOIN public.certificates AS certificates ON enrollments.id = certificates.enrollment_id
GROUP BY 1
ORDER BY 2 DESC
