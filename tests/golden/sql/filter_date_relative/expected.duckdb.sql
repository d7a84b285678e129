SELECT
    STRFTIME(DATE_TRUNC('week', enrollments.enrolled_at), '%Y-%m-%d') AS "enrollments.enrolled_week",
    STRFTIME(DATE_TRUNC('quarter', enrollments.enrolled_at), '%Y-%m') AS "enrollments.enrolled_quarter",
    COUNT(*) AS "enrollments.count"
FROM public.enrollments AS enrollments
LEFT JOIN public.users AS users ON enrollments.user_id = users.id
LEFT JOIN public.certificates AS certificates ON enrollments.id = certificates.enrollment_id
WHERE (certificates.issued_at >= (DATE_TRUNC('hour', CURRENT_TIMESTAMP) + INTERVAL '-2 hour'))
  AND (enrollments.completed_at >= (DATE_TRUNC('day', CURRENT_TIMESTAMP) + INTERVAL '-7 day') AND enrollments.completed_at < (DATE_TRUNC('day', CURRENT_TIMESTAMP)))
  AND (enrollments.enrolled_at >= (DATE_TRUNC('month', CURRENT_TIMESTAMP) + INTERVAL '-3 month') AND enrollments.enrolled_at < (DATE_TRUNC('month', CURRENT_TIMESTAMP)))
  AND (users.created_at >= (DATE_TRUNC('year', CURRENT_TIMESTAMP)) AND users.created_at < (DATE_TRUNC('year', CURRENT_TIMESTAMP) + INTERVAL '1 year'))
GROUP BY 1, 2
ORDER BY 1 DESC
LIMIT 100
