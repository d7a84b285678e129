SELECT
    courses.category AS "courses.category",
    COUNT(*) AS "enrollments.count",
    TO_CHAR(DATE_TRUNC('month', enrollments.completed_at), 'YYYY-MM') AS "enrollments.completed_month"
FROM public.enrollments AS enrollments
LEFT JOIN public.courses AS courses ON enrollments.course_id = courses.id
GROUP BY 1, 3
ORDER BY 3 DESC
