SELECT
    CAST(FLOOR(TIMESTAMP_DIFF(CAST(enrollments.completed_at AS TIMESTAMP), CAST(enrollments.enrolled_at AS TIMESTAMP), MICROSECOND) / 3600000000) AS INT64) AS enrollments_hours_to_completion,
    CAST(FLOOR(TIMESTAMP_DIFF(CAST(enrollments.completed_at AS TIMESTAMP), CAST(enrollments.enrolled_at AS TIMESTAMP), MICROSECOND) / 86400000000) AS INT64) AS enrollments_days_to_completion,
    CAST(FLOOR(TIMESTAMP_DIFF(CAST(enrollments.completed_at AS TIMESTAMP), CAST(enrollments.enrolled_at AS TIMESTAMP), MICROSECOND) / 604800000000) AS INT64) AS enrollments_weeks_to_completion,
    COUNT(*) AS enrollments_count
FROM public.enrollments AS enrollments
WHERE ((CAST(FLOOR(TIMESTAMP_DIFF(CAST(enrollments.completed_at AS TIMESTAMP), CAST(enrollments.enrolled_at AS TIMESTAMP), MICROSECOND) / 86400000000) AS INT64)) >= 7)
GROUP BY 1, 2, 3
ORDER BY 4 DESC
