SELECT
    courses.title AS "courses.title",
    COUNT(*) AS "certificates.count",
    AVG(enrollments.score) AS "enrollments.average_score"
FROM public.certificates AS certificates
LEFT JOIN public.enrollments AS enrollments ON certificates.enrollment_id = enrollments.id
LEFT JOIN public.users AS users ON enrollments.user_id = users.id
LEFT JOIN public.courses AS courses ON enrollments.course_id = courses.id
WHERE (users.company_id = 3)
GROUP BY 1
ORDER BY 2 DESC
