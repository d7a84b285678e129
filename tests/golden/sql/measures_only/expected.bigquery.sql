SELECT
    COUNT(*) AS enrollments_count,
    AVG(enrollments.score) AS enrollments_average_score
FROM public.enrollments AS enrollments
ORDER BY 1 DESC
