SELECT
    users.id AS "users.id",
    COUNT(enrollments.id) AS "enrollments.count"
FROM public.users AS users
LEFT JOIN public.enrollments AS enrollments ON users.id = enrollments.user_id
WHERE ((enrollments.progress_percent NOT IN (0, 100) OR enrollments.progress_percent IS NULL))
  AND (enrollments.score IS NOT NULL)
  AND ((users.id >= 1 AND users.id < 10) OR (users.id >= 20 AND users.id <= 25))
GROUP BY 1
ORDER BY 2 DESC
LIMIT 50
