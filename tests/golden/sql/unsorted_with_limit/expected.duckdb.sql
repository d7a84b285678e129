SELECT
    courses.title AS "courses.title",
    COUNT(*) AS "courses.count"
FROM public.courses AS courses
GROUP BY 1
LIMIT 5
