SELECT
    companies.name AS "companies.name",
    COUNT(DISTINCT companies.id) AS "companies.count",
    COUNT(DISTINCT users.id) AS "users.count",
    COUNT(DISTINCT courses.id) AS "courses.count",
    TRIM_SCALE(COALESCE((SUM(DISTINCT CAST(FLOOR(CAST(COALESCE(courses.price, 0) AS NUMERIC) * 1000000) AS DECIMAL(65,0)) + (('x' || MD5(CAST(courses.id AS VARCHAR)))::bit(64)::bigint::DECIMAL(65,0) * 18446744073709551616 + ('x' || SUBSTR(MD5(CAST(courses.id AS VARCHAR)), 17))::bit(64)::bigint::DECIMAL(65,0))) - SUM(DISTINCT (('x' || MD5(CAST(courses.id AS VARCHAR)))::bit(64)::bigint::DECIMAL(65,0) * 18446744073709551616 + ('x' || SUBSTR(MD5(CAST(courses.id AS VARCHAR)), 17))::bit(64)::bigint::DECIMAL(65,0)))) / 1000000.000000, 0)) AS "courses.total_price",
    COUNT(DISTINCT enrollments.id) AS "enrollments.count",
    (TRIM_SCALE(COALESCE((SUM(DISTINCT CAST(FLOOR(CAST(COALESCE(enrollments.score, 0) AS NUMERIC) * 1000000) AS DECIMAL(65,0)) + (('x' || MD5(CAST(enrollments.id AS VARCHAR)))::bit(64)::bigint::DECIMAL(65,0) * 18446744073709551616 + ('x' || SUBSTR(MD5(CAST(enrollments.id AS VARCHAR)), 17))::bit(64)::bigint::DECIMAL(65,0))) - SUM(DISTINCT (('x' || MD5(CAST(enrollments.id AS VARCHAR)))::bit(64)::bigint::DECIMAL(65,0) * 18446744073709551616 + ('x' || SUBSTR(MD5(CAST(enrollments.id AS VARCHAR)), 17))::bit(64)::bigint::DECIMAL(65,0)))) / 1000000.000000, 0)) / NULLIF(COUNT(DISTINCT CASE WHEN enrollments.score IS NOT NULL THEN enrollments.id ELSE NULL END), 0)) AS "enrollments.average_score"
FROM public.companies AS companies
LEFT JOIN public.users AS users ON companies.id = users.company_id
LEFT JOIN public.courses AS courses ON companies.id = courses.company_id
LEFT JOIN public.enrollments AS enrollments ON users.id = enrollments.user_id
GROUP BY 1
ORDER BY 2 DESC
