-- Totals over the skills explore: all skills, the freelancers with at least one skill and the
-- gigs of those freelancers (gigs of freelancers without skills are not reachable from skills).
SELECT (SELECT COUNT(*) FROM skills) AS skills,
       (SELECT COUNT(DISTINCT user_id) FROM user_skills) AS freelancers,
       COUNT(*) AS gigs, COALESCE(SUM(budget), 0) AS total_budget, AVG(budget) AS average_budget
FROM gigs
WHERE user_id IN (SELECT user_id FROM user_skills);
