SELECT
    STRFTIME(DATE_TRUNC('month', enrollments.enrolled_at), '%Y-%m') AS "enrollments.enrolled_month",
    COUNT(*) AS "enrollments.count"
FROM public.enrollments AS enrollments
LEFT JOIN public.users AS users ON enrollments.user_id = users.id
LEFT JOIN public.certificates AS certificates ON enrollments.id = certificates.enrollment_id
WHERE (certificates.expires_at IS NULL)
  AND (enrollments.completed_at < (TIMESTAMP '2024-06-01'))
  AND (enrollments.enrolled_at >= (TIMESTAMP '2024-01-01') AND enrollments.enrolled_at < (TIMESTAMP '2024-07-01'))
  AND (users.created_at >= (TIMESTAMP '2021-01-01') AND users.created_at < (TIMESTAMP '2021-01-01' + INTERVAL '1 year'))
GROUP BY 1
ORDER BY 1 DESC
