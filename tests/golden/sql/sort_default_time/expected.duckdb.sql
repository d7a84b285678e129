SELECT
    courses.category AS "courses.category",
    STRFTIME(DATE_TRUNC('month', enrollments.completed_at), '%Y-%m') AS "enrollments.completed_month",
    COUNT(*) AS "enrollments.count"
FROM public.enrollments AS enrollments
LEFT JOIN public.courses AS courses ON enrollments.course_id = courses.id
GROUP BY 1, 2
ORDER BY 2 DESC
