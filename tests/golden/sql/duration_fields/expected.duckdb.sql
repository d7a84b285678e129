SELECT
    FLOOR(EXTRACT(EPOCH FROM ((enrollments.completed_at)::timestamp - (enrollments.enrolled_at)::timestamp)) / 3600)::bigint AS "enrollments.hours_to_completion",
    FLOOR(EXTRACT(EPOCH FROM ((enrollments.completed_at)::timestamp - (enrollments.enrolled_at)::timestamp)) / 86400)::bigint AS "enrollments.days_to_completion",
    FLOOR(EXTRACT(EPOCH FROM ((enrollments.completed_at)::timestamp - (enrollments.enrolled_at)::timestamp)) / 604800)::bigint AS "enrollments.weeks_to_completion",
    COUNT(*) AS "enrollments.count"
FROM public.enrollments AS enrollments
WHERE ((FLOOR(EXTRACT(EPOCH FROM ((enrollments.completed_at)::timestamp - (enrollments.enrolled_at)::timestamp)) / 86400)::bigint) >= 7)
GROUP BY 1, 2, 3
ORDER BY 4 DESC
