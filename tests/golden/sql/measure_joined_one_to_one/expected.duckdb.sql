SELECT
    courses.title AS "courses.title",
    COUNT(certificates.id) AS "certificates.count",
    COUNT(CASE WHEN ((certificates.expires_at IS NULL)) THEN certificates.id ELSE NULL END) AS "certificates.lifetime_count",
    COUNT(DISTINCT enrollments.user_id) AS "certificates.certified_learner_count"
FROM public.enrollments AS enrollments
LEFT JOIN public.courses AS courses ON enrollments.course_id = courses.id
LEFT JOIN public.certificates AS certificates ON enrollments.id = certificates.enrollment_id
GROUP BY 1
ORDER BY 2 DESC
