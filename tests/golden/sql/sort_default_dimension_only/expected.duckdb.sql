SELECT
    courses.category AS "courses.category",
    courses.status AS "courses.status"
FROM public.courses AS courses
GROUP BY 1, 2
ORDER BY 1
