SELECT
    EXTRACT(YEAR FROM enrollments.enrolled_at) AS enrollments_enrolled_year,
    COUNT(*) AS enrollments_count,
    COUNT(CASE WHEN ((enrollments.completed_at IS NOT NULL)) THEN 1 ELSE NULL END) AS enrollments_completed_count,
    COUNT(CASE WHEN ((enrollments.score >= 70)) THEN 1 ELSE NULL END) AS enrollments_passed_count,
    COUNT(DISTINCT enrollments.user_id) AS enrollments_learner_count,
    AVG(enrollments.score) AS enrollments_average_score,
    MAX(enrollments.score) AS enrollments_best_score,
    AVG(enrollments.progress_percent) AS enrollments_average_progress,
    1.0 * (COUNT(CASE WHEN ((enrollments.completed_at IS NOT NULL)) THEN 1 ELSE NULL END)) / NULLIF((COUNT(*)), 0) AS enrollments_completion_rate,
    AVG((CAST(FLOOR(TIMESTAMP_DIFF(CAST(enrollments.completed_at AS TIMESTAMP), CAST(enrollments.enrolled_at AS TIMESTAMP), MICROSECOND) / 86400000000) AS INT64))) AS enrollments_average_days_to_completion
FROM public.enrollments AS enrollments
GROUP BY 1
ORDER BY 1 DESC
