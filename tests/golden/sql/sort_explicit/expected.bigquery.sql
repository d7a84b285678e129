SELECT
    courses.category AS courses_category,
    EXTRACT(YEAR FROM enrollments.enrolled_at) AS enrollments_enrolled_year,
    COUNT(*) AS enrollments_count
FROM public.enrollments AS enrollments
LEFT JOIN public.courses AS courses ON enrollments.course_id = courses.id
GROUP BY 1, 2
ORDER BY 2 DESC, 1, 3 DESC
