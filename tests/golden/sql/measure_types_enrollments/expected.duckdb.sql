SELECT
    EXTRACT(YEAR FROM enrollments.enrolled_at)::integer AS "enrollments.enrolled_year",
    COUNT(*) AS "enrollments.count",
    COUNT(CASE WHEN ((enrollments.completed_at IS NOT NULL)) THEN 1 ELSE NULL END) AS "enrollments.completed_count",
    COUNT(CASE WHEN ((enrollments.score >= 70)) THEN 1 ELSE NULL END) AS "enrollments.passed_count",
    COUNT(DISTINCT enrollments.user_id) AS "enrollments.learner_count",
    AVG(enrollments.score) AS "enrollments.average_score",
    MAX(enrollments.score) AS "enrollments.best_score",
    AVG(enrollments.progress_percent) AS "enrollments.average_progress",
    1.0 * (COUNT(CASE WHEN ((enrollments.completed_at IS NOT NULL)) THEN 1 ELSE NULL END)) / NULLIF((COUNT(*)), 0) AS "enrollments.completion_rate",
    AVG((FLOOR(EXTRACT(EPOCH FROM ((enrollments.completed_at)::timestamp - (enrollments.enrolled_at)::timestamp)) / 86400)::bigint)) AS "enrollments.average_days_to_completion"
FROM public.enrollments AS enrollments
GROUP BY 1
ORDER BY 1 DESC
