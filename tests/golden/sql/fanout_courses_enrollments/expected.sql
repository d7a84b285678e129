SELECT
    courses.title AS "courses.title",
    TRIM_SCALE(COALESCE((SUM(DISTINCT CAST(FLOOR(CAST(COALESCE(courses.price, 0) AS NUMERIC) * 1000000) AS DECIMAL(65,0)) + (('x' || MD5(CAST(courses.id AS VARCHAR)))::bit(64)::bigint::DECIMAL(65,0) * 18446744073709551616 + ('x' || SUBSTR(MD5(CAST(courses.id AS VARCHAR)), 17))::bit(64)::bigint::DECIMAL(65,0))) - SUM(DISTINCT (('x' || MD5(CAST(courses.id AS VARCHAR)))::bit(64)::bigint::DECIMAL(65,0) * 18446744073709551616 + ('x' || SUBSTR(MD5(CAST(courses.id AS VARCHAR)), 17))::bit(64)::bigint::DECIMAL(65,0)))) / 1000000.000000, 0)) AS "courses.total_price",
    (TRIM_SCALE(COALESCE((SUM(DISTINCT CAST(FLOOR(CAST(COALESCE(courses.price, 0) AS NUMERIC) * 1000000) AS DECIMAL(65,0)) + (('x' || MD5(CAST(courses.id AS VARCHAR)))::bit(64)::bigint::DECIMAL(65,0) * 18446744073709551616 + ('x' || SUBSTR(MD5(CAST(courses.id AS VARCHAR)), 17))::bit(64)::bigint::DECIMAL(65,0))) - SUM(DISTINCT (('x' || MD5(CAST(courses.id AS VARCHAR)))::bit(64)::bigint::DECIMAL(65,0) * 18446744073709551616 + ('x' || SUBSTR(MD5(CAST(courses.id AS VARCHAR)), 17))::bit(64)::bigint::DECIMAL(65,0)))) / 1000000.000000, 0)) / NULLIF(COUNT(DISTINCT CASE WHEN courses.price IS NOT NULL THEN courses.id ELSE NULL END), 0)) AS "courses.average_price",
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
