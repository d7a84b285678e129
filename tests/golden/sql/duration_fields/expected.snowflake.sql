SELECT
    CAST(FLOOR(DATEDIFF(microsecond, CAST(enrollments.enrolled_at AS TIMESTAMP), CAST(enrollments.completed_at AS TIMESTAMP)) / 3600000000.0) AS BIGINT) AS "enrollments.hours_to_completion",
    CAST(FLOOR(DATEDIFF(microsecond, CAST(enrollments.enrolled_at AS TIMESTAMP), CAST(enrollments.completed_at AS TIMESTAMP)) / 86400000000.0) AS BIGINT) AS "enrollments.days_to_completion",
    CAST(FLOOR(DATEDIFF(microsecond, CAST(enrollments.enrolled_at AS TIMESTAMP), CAST(enrollments.completed_at AS TIMESTAMP)) / 604800000000.0) AS BIGINT) AS "enrollments.weeks_to_completion",
    COUNT(*) AS "enrollments.count"
FROM public.enrollments AS enrollments
WHERE ((CAST(FLOOR(DATEDIFF(microsecond, CAST(enrollments.enrolled_at AS TIMESTAMP), CAST(enrollments.completed_at AS TIMESTAMP)) / 86400000000.0) AS BIGINT)) >= 7)
GROUP BY 1, 2, 3
ORDER BY 4 DESC
