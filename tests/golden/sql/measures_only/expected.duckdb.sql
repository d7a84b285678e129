SELECT
    COUNT(*) AS "enrollments.count",
    AVG(enrollments.score) AS "enrollments.average_score"
FROM public.enrollments AS enrollments
ORDER BY 1 DESC
