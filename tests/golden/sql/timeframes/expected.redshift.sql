SELECT
    enrollments.enrolled_at AS "enrollments.enrolled_raw",
    TO_CHAR(DATE_TRUNC('second', enrollments.enrolled_at), 'YYYY-MM-DD HH24:MI:SS') AS "enrollments.enrolled_time",
    DATE(enrollments.enrolled_at) AS "enrollments.enrolled_date",
    TO_CHAR(DATE_TRUNC('week', enrollments.enrolled_at), 'YYYY-MM-DD') AS "enrollments.enrolled_week",
    TO_CHAR(DATE_TRUNC('month', enrollments.enrolled_at), 'YYYY-MM') AS "enrollments.enrolled_month",
    TO_CHAR(DATE_TRUNC('quarter', enrollments.enrolled_at), 'YYYY-MM') AS "enrollments.enrolled_quarter",
    EXTRACT(YEAR FROM enrollments.enrolled_at)::integer AS "enrollments.enrolled_year",
    COUNT(*) AS "enrollments.count"
FROM public.enrollments AS enrollments
GROUP BY 1, 2, 3, 4, 5, 6, 7
ORDER BY 1 DESC
LIMIT 20
