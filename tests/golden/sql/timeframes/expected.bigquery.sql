SELECT
    enrollments.enrolled_at AS enrollments_enrolled_raw,
    FORMAT_TIMESTAMP('%F %T', enrollments.enrolled_at) AS enrollments_enrolled_time,
    DATE(enrollments.enrolled_at) AS enrollments_enrolled_date,
    FORMAT_TIMESTAMP('%F', TIMESTAMP_TRUNC(enrollments.enrolled_at, WEEK(MONDAY))) AS enrollments_enrolled_week,
    FORMAT_TIMESTAMP('%Y-%m', enrollments.enrolled_at) AS enrollments_enrolled_month,
    FORMAT_TIMESTAMP('%Y-%m', TIMESTAMP_TRUNC(enrollments.enrolled_at, QUARTER)) AS enrollments_enrolled_quarter,
    EXTRACT(YEAR FROM enrollments.enrolled_at) AS enrollments_enrolled_year,
    COUNT(*) AS enrollments_count
FROM public.enrollments AS enrollments
GROUP BY 1, 2, 3, 4, 5, 6, 7
ORDER BY 1 DESC
LIMIT 20
