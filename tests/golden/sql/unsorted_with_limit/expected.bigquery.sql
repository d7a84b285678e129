SELECT
    courses.title AS courses_title,
    COUNT(*) AS courses_count
FROM public.courses AS courses
GROUP BY 1
LIMIT 5
