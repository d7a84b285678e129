SELECT
    CASE WHEN enrollments.completed_at IS NOT NULL THEN 'Yes' ELSE 'No' END AS "enrollments.is_completed",
    CASE WHEN enrollments.score >= 70 THEN 'Yes' ELSE 'No' END AS "enrollments.is_passed",
    CASE WHEN certificates.expires_at IS NULL THEN 'Yes' ELSE 'No' END AS "certificates.is_lifetime",
    CASE WHEN users.last_login_at IS NOT NULL THEN 'Yes' ELSE 'No' END AS "users.has_logged_in",
    COUNT(*) AS "enrollments.count"
FROM public.enrollments AS enrollments
LEFT JOIN public.users AS users ON enrollments.user_id = users.id
LEFT JOIN public.certificates AS certificates ON enrollments.id = certificates.enrollment_id
GROUP BY 1, 2, 3, 4
ORDER BY 5 DESC
