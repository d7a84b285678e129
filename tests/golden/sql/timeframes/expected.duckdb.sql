SELECT
    enrollments.enrolled_at AS "enrollments.enrolled_raw",
    STRFTIME(DATE_TRUNC('second', enrollments.enrolled_at), '%Y-%m-%d %H:%M:%S') AS "enrollments.enrolled_time",
    CAST(enrollments.enrolled_at AS DATE) AS "enrollments.enrolled_date",
    STRFTIME(DATE_TRUNC('week', enrollments.enrolled_at), '%Y-%m-%d') AS "enrollments.enrolled_week",
    STRFTIME(DATE_TRUNC('month', enrollments.enrolled_at), '%Y-%m') AS "enrollments.enrolled_month",
    STRFTIME(DATE_TRUNC('quarter', enrollments.enrolled_at), '%Y-%m') AS "enrollments.enrolled_quarter",
    EXTRACT(YEAR FROM enrollments.enrolled_at)::integer AS "enrollments.enrolled_year",
    COUNT(*) AS "enrollments.count"
FROM public.enrollments AS enrollments
GROUP BY 1, 2, 3, 4, 5, 6, 7
ORDER BY 1 DESC
LIMIT 20
