-- Only German freelancers; skills no German freelancer lists do not appear.
SELECT s.name, COUNT(*) AS freelancers,
       COALESCE(SUM((SELECT COUNT(*) FROM gigs g WHERE g.user_id = u.user_id)), 0) AS gigs,
       COALESCE(SUM((SELECT COUNT(*) FROM gigs g WHERE g.user_id = u.user_id
                     AND g.status = 'completed')), 0) AS completed
FROM skills s
JOIN user_skills us ON us.skill_id = s.skill_id
JOIN users u ON u.user_id = us.user_id
WHERE u.country = 'DE'
GROUP BY s.name
ORDER BY s.name;
