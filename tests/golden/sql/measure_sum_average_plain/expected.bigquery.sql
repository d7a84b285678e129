SELECT
    courses.category AS courses_category,
    COUNT(*) AS courses_count,
    COUNT(CASE WHEN (courses.status = 'published') THEN 1 ELSE NULL END) AS courses_published_count,
    COALESCE(SUM(courses.price), 0) AS courses_total_price,
    AVG(courses.price) AS courses_average_price
FROM public.courses AS courses
GROUP BY 1
ORDER BY 2 DESC
