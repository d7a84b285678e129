SELECT
    courses.title AS "courses.title",
    COALESCE(COALESCE(CAST((SUM(DISTINCT (CAST(FLOOR(COALESCE(courses.price, 0) * (1000000*1.0)) AS DECIMAL(38,0))) + CAST(STRTOL(LEFT(MD5(CAST(courses.id AS VARCHAR)),15),16) AS DECIMAL(38,0))* 1.0e8 + CAST(STRTOL(RIGHT(MD5(CAST(courses.id AS VARCHAR)),15),16) AS DECIMAL(38,0))) - SUM(DISTINCT CAST(STRTOL(LEFT(MD5(CAST(courses.id AS VARCHAR)),15),16) AS DECIMAL(38,0))* 1.0e8 + CAST(STRTOL(RIGHT(MD5(CAST(courses.id AS VARCHAR)),15),16) AS DECIMAL(38,0)))) AS DOUBLE PRECISION) / CAST((1000000*1.0) AS DOUBLE PRECISION), 0), 0) AS "courses.total_price",
    (COALESCE(COALESCE(CAST((SUM(DISTINCT (CAST(FLOOR(COALESCE(courses.price, 0) * (1000000*1.0)) AS DECIMAL(38,0))) + CAST(STRTOL(LEFT(MD5(CAST(courses.id AS VARCHAR)),15),16) AS DECIMAL(38,0))* 1.0e8 + CAST(STRTOL(RIGHT(MD5(CAST(courses.id AS VARCHAR)),15),16) AS DECIMAL(38,0))) - SUM(DISTINCT CAST(STRTOL(LEFT(MD5(CAST(courses.id AS VARCHAR)),15),16) AS DECIMAL(38,0))* 1.0e8 + CAST(STRTOL(RIGHT(MD5(CAST(courses.id AS VARCHAR)),15),16) AS DECIMAL(38,0)))) AS DOUBLE PRECISION) / CAST((1000000*1.0) AS DOUBLE PRECISION), 0), 0) / NULLIF(COUNT(DISTINCT CASE WHEN courses.price IS NOT NULL THEN courses.id ELSE NULL END), 0)) AS "courses.average_price",
    COUNT(DISTINCT courses.id) AS "courses.count",
    COUNT(enrollments.id) AS "enrollments.count",
    AVG(enrollments.progress_percent) AS "enrollments.average_progress",
    COUNT(certificates.id) AS "certificates.count",
    COUNT(DISTINCT users.id) AS "users.count"
FROM public.courses AS courses
LEFT JOIN public.enrollments AS enrollments ON courses.id = enrollments.course_id
LEFT JOIN public.users AS users ON enrollments.user_id = users.id
LEFT JOIN public.certificates AS certificates ON enrollments.id = certificates.enrollment_id
GROUP BY 1
ORDER BY 2 DESC
