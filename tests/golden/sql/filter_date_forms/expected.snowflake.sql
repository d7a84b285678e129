SELECT
    TO_CHAR(DATE_TRUNC('month', enrollments.enrolled_at), 'YYYY-MM') AS "enrollments.enrolled_month",
    COUNT(*) AS "enrollments.count"
FROM public.enrollments AS enrollments
LEFT JOIN public.users AS users ON enrollments.user_id = users.id
LEFT JOIN public.certificates AS certificates ON enrollments.id = certificates.enrollment_id
WHERE (certificates.expires_at IS NULL)
  AND (enrollments.completed_at < (TO_TIMESTAMP('2024-06-01')))
  AND (enrollments.enrolled_at >= (TO_TIMESTAMP('2024-01-01')) AND enrollments.enrolled_at < (TO_TIMESTAMP('2024-07-01')))
  AND (users.created_at >= (TO_TIMESTAMP('2021-01-01')) AND users.created_at < (DATEADD(year, 1, TO_TIMESTAMP('2021-01-01'))))
GROUP BY 1
ORDER BY 1 DESC
