SELECT
    courses.title AS "courses.title",
    COALESCE(CAST(SUM(DISTINCT CAST(FLOOR(CAST(COALESCE(courses.price, 0) AS DECIMAL(38,6)) * 1000000) AS HUGEINT) + CAST(MD5_NUMBER(CAST(courses.id AS VARCHAR)) >> 64 AS HUGEINT)) - SUM(DISTINCT CAST(MD5_NUMBER(CAST(courses.id AS VARCHAR)) >> 64 AS HUGEINT)) AS DECIMAL(38,0)) * 0.000001, 0) AS "courses.total_price",
    (COALESCE(CAST(SUM(DISTINCT CAST(FLOOR(CAST(COALESCE(courses.price, 0) AS DECIMAL(38,6)) * 1000000) AS HUGEINT) + CAST(MD5_NUMBER(CAST(courses.id AS VARCHAR)) >> 64 AS HUGEINT)) - SUM(DISTINCT CAST(MD5_NUMBER(CAST(courses.id AS VARCHAR)) >> 64 AS HUGEINT)) AS DECIMAL(38,0)) * 0.000001, 0) / NULLIF(COUNT(DISTINCT CASE WHEN courses.price IS NOT NULL THEN courses.id ELSE NULL END), 0)) AS "courses.average_price",
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
