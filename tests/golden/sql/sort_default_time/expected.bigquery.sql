SELECT
    courses.category AS courses_category,
    FORMAT_TIMESTAMP('%Y-%m', enrollments.completed_at) AS enrollments_completed_month,
    COUNT(*) AS enrollments_count
FROM public.enrollments AS enrollments
LEFT JOIN public.courses AS courses ON enrollments.course_id = courses.id
GROUP BY 1, 2
ORDER BY 2 DESC
