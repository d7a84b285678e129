SELECT
    courses.title AS "courses.title",
    courses.status AS "courses.status",
    COUNT(enrollments.id) AS "enrollments.count"
FROM public.courses AS courses
LEFT JOIN public.enrollments AS enrollments ON courses.id = enrollments.course_id
WHERE (courses.status IN ('draft', 'published'))
  AND (courses.status <> 'draft')
  AND (courses.company_id = 5)
GROUP BY 1, 2
ORDER BY 3 DESC
