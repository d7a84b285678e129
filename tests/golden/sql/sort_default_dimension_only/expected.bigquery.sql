SELECT
    courses.category AS courses_category,
    courses.status AS courses_status
FROM public.courses AS courses
GROUP BY 1, 2
ORDER BY 1
