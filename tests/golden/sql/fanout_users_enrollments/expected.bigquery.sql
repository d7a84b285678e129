SELECT
    users.role AS users_role,
    COUNT(DISTINCT users.id) AS users_count,
    COUNT(DISTINCT CASE WHEN ((users.last_login_at IS NOT NULL)) THEN users.id ELSE NULL END) AS users_active_count,
    COUNT(DISTINCT users.company_id) AS users_company_count,
    COUNT(DISTINCT companies.id) AS companies_count,
    COUNT(enrollments.id) AS enrollments_count,
    AVG(enrollments.score) AS enrollments_average_score,
    COUNT(DISTINCT courses.id) AS courses_count
FROM public.users AS users
LEFT JOIN public.companies AS companies ON users.company_id = companies.id
LEFT JOIN public.enrollments AS enrollments ON users.id = enrollments.user_id
LEFT JOIN public.courses AS courses ON enrollments.course_id = courses.id
GROUP BY 1
ORDER BY 2 DESC
