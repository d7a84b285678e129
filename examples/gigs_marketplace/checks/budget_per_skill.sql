-- Per skill: the freelancers who list it and the gigs of those freelancers. Pre-aggregated per
-- freelancer, so each gig is counted once; skills nobody lists keep a row with zeros/NULLs.
WITH per_user AS (
  SELECT user_id, COUNT(*) AS gigs, SUM(budget) AS budget, COUNT(budget) AS with_budget
  FROM gigs GROUP BY user_id
)
SELECT s.category, s.name,
       COUNT(us.user_id) AS freelancers,
       COALESCE(SUM(pu.gigs), 0) AS gigs,
       COALESCE(SUM(pu.budget), 0) AS total_budget,
       SUM(pu.budget) / NULLIF(SUM(pu.with_budget), 0) AS average_budget
FROM skills s
LEFT JOIN user_skills us ON us.skill_id = s.skill_id
LEFT JOIN per_user pu ON pu.user_id = us.user_id
GROUP BY s.category, s.name
ORDER BY s.category, s.name;
