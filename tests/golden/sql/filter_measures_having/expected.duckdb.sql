SELECT
    courses.title AS "courses.title",
    COUNT(*) AS "enrollments.count",
    AVG(enrollments.score) AS "enrollments.average_score"
FROM public.enrollments AS enrollments
LEFT JOIN public.courses AS courses ON enrollments.course_id = courses.id
WHERE (courses.category IN ('Data', 'Compliance'))
GROUP BY 1
HAVING ((AVG(enrollments.score)) >= 70 AND (AVG(enrollments.score)) <= 90)
  AND ((COUNT(*)) > 10)
  AND ((COUNT(DISTINCT enrollments.user_id)) >= 3)
ORDER BY 2 DESC
