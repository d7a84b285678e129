SELECT
    users.role AS "users.role",
    COUNT(DISTINCT users.id) AS "users.count",
    COUNT(DISTINCT CASE WHEN ((users.last_login_at IS NOT NULL)) THEN users.id ELSE NULL END) AS "users.active_count",
    COUNT(DISTINCT users.company_id) AS "users.company_count",
    COUNT(DISTINCT companies.id) AS "companies.count",
    COUNT(enrollments.id) AS "enrollments.count",
    AVG(enrollments.score) AS "enrollments.average_score",
    COUNT(DISTINCT courses.id) AS "courses.count"
FROM public.users AS users
LEFT JOIN public.companies AS companies ON users.company_id = companies.id
LEFT JOIN public.enrollments AS enrollments ON users.id = enrollments.user_id
LEFT JOIN public.courses AS courses ON enrollments.course_id = courses.id
GROUP BY 1
ORDER BY 2 DESC
