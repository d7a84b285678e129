SELECT
    companies.name AS "companies.name",
    COUNT(*) AS "enrollments.count",
    COUNT(DISTINCT users.id) AS "users.count",
    COUNT(DISTINCT courses.id) AS "courses.count",
    (TRIM_SCALE(COALESCE((SUM(DISTINCT CAST(FLOOR(CAST(COALESCE(courses.price, 0) AS NUMERIC) * 1000000) AS DECIMAL(65,0)) + (('x' || MD5(CAST(courses.id AS VARCHAR)))::bit(64)::bigint::DECIMAL(65,0) * 18446744073709551616 + ('x' || SUBSTR(MD5(CAST(courses.id AS VARCHAR)), 17))::bit(64)::bigint::DECIMAL(65,0))) - SUM(DISTINCT (('x' || MD5(CAST(courses.id AS VARCHAR)))::bit(64)::bigint::DECIMAL(65,0) * 18446744073709551616 + ('x' || SUBSTR(MD5(CAST(courses.id AS VARCHAR)), 17))::bit(64)::bigint::DECIMAL(65,0)))) / 1000000.000000, 0)) / NULLIF(COUNT(DISTINCT CASE WHEN courses.price IS NOT NULL THEN courses.id ELSE NULL END), 0)) AS "courses.average_price"
FROM public.enrollments AS enrollments
LEFT JOIN public.users AS users ON enrollments.user_id = users.id
LEFT JOIN public.companies AS companies ON users.company_id = companies.id
LEFT JOIN public.courses AS courses ON enrollments.course_id = courses.id
GROUP BY 1
ORDER BY 2 DESC
