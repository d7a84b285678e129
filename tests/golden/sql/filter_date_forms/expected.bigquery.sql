SELECT
    FORMAT_TIMESTAMP('%Y-%m', enrollments.enrolled_at) AS enrollments_enrolled_month,
    COUNT(*) AS enrollments_count
FROM public.enrollments AS enrollments
LEFT JOIN public.users AS users ON enrollments.user_id = users.id
LEFT JOIN public.certificates AS certificates ON enrollments.id = certificates.enrollment_id
WHERE (certificates.expires_at IS NULL)
  AND (enrollments.completed_at < (TIMESTAMP('2024-06-01')))
  AND (enrollments.enrolled_at >= (TIMESTAMP('2024-01-01')) AND enrollments.enrolled_at < (TIMESTAMP('2024-07-01')))
  AND (users.created_at >= (TIMESTAMP('2021-01-01')) AND users.created_at < (TIMESTAMP(DATETIME_ADD(DATETIME(TIMESTAMP('2021-01-01')), INTERVAL 1 YEAR))))
GROUP BY 1
ORDER BY 1 DESC
