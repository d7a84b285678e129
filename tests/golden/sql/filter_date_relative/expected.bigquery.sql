SELECT
    FORMAT_TIMESTAMP('%F', TIMESTAMP_TRUNC(enrollments.enrolled_at, WEEK(MONDAY))) AS enrollments_enrolled_week,
    FORMAT_TIMESTAMP('%Y-%m', TIMESTAMP_TRUNC(enrollments.enrolled_at, QUARTER)) AS enrollments_enrolled_quarter,
    COUNT(*) AS enrollments_count
FROM public.enrollments AS enrollments
LEFT JOIN public.users AS users ON enrollments.user_id = users.id
LEFT JOIN public.certificates AS certificates ON enrollments.id = certificates.enrollment_id
WHERE (certificates.issued_at >= (TIMESTAMP_ADD(TIMESTAMP_TRUNC(CURRENT_TIMESTAMP(), HOUR), INTERVAL -2 HOUR)))
  AND (enrollments.completed_at >= (TIMESTAMP_ADD(TIMESTAMP_TRUNC(CURRENT_TIMESTAMP(), DAY), INTERVAL -7 DAY)) AND enrollments.completed_at < (TIMESTAMP_TRUNC(CURRENT_TIMESTAMP(), DAY)))
  AND (enrollments.enrolled_at >= (TIMESTAMP(DATETIME_ADD(DATETIME(TIMESTAMP_TRUNC(CURRENT_TIMESTAMP(), MONTH)), INTERVAL -3 MONTH))) AND enrollments.enrolled_at < (TIMESTAMP_TRUNC(CURRENT_TIMESTAMP(), MONTH)))
  AND (users.created_at >= (TIMESTAMP_TRUNC(CURRENT_TIMESTAMP(), YEAR)) AND users.created_at < (TIMESTAMP(DATETIME_ADD(DATETIME(TIMESTAMP_TRUNC(CURRENT_TIMESTAMP(), YEAR)), INTERVAL 1 YEAR))))
GROUP BY 1, 2
ORDER BY 1 DESC
LIMIT 100
