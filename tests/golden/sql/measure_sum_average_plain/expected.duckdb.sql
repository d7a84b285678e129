SELECT
    courses.category AS "courses.category",
    COUNT(*) AS "courses.count",
    COUNT(CASE WHEN (courses.status = 'published') THEN 1 ELSE NULL END) AS "courses.published_count",
    COALESCE(SUM(courses.price), 0) AS "courses.total_price",
    AVG(courses.price) AS "courses.average_price"
FROM public.courses AS courses
GROUP BY 1
ORDER BY 2 DESC
