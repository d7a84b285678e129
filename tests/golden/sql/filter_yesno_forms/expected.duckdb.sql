SELECT
    courses.category AS "courses.category",
    COUNT(*) AS "enrollments.count"
FROM public.enrollments AS enrollments
LEFT JOIN public.users AS users ON enrollments.user_id = users.id
LEFT JOIN public.courses AS courses ON enrollments.course_id = courses.id
WHERE ((NOT (enrollments.completed_at IS NOT NULL) OR (enrollments.completed_at IS NOT NULL) IS NULL))
  AND ((users.last_login_at IS NOT NULL))
GROUP BY 1
ORDER BY 2 DESC
