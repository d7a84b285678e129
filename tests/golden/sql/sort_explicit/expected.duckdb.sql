SELECT
    courses.category AS "courses.category",
    EXTRACT(YEAR FROM enrollments.enrolled_at)::integer AS "enrollments.enrolled_year",
    COUNT(*) AS "enrollments.count"
FROM public.enrollments AS enrollments
LEFT JOIN public.courses AS courses ON enrollments.course_id = courses.id
GROUP BY 1, 2
ORDER BY 2 DESC, 1, 3 DESC
