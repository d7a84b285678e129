-- Per category, a gig counts once even when its freelancer lists several skills of the
-- category: first reduce to distinct (category, gig) and (category, user) pairs.
WITH cat_users AS (
  SELECT DISTINCT s.category, us.user_id
  FROM skills s JOIN user_skills us ON us.skill_id = s.skill_id
), cat_gigs AS (
  SELECT cu.category, g.gig_id, g.budget, g.status
  FROM cat_users cu JOIN gigs g ON g.user_id = cu.user_id
)
SELECT c.category,
       (SELECT COUNT(*) FROM skills s WHERE s.category = c.category) AS skills,
       (SELECT COUNT(*) FROM user_skills us JOIN skills s USING (skill_id)
         WHERE s.category = c.category) AS listings,
       (SELECT COUNT(*) FROM cat_users cu WHERE cu.category = c.category) AS freelancers,
       (SELECT COUNT(*) FROM cat_gigs cg WHERE cg.category = c.category) AS gigs,
       (SELECT COALESCE(SUM(budget), 0) FROM cat_gigs cg WHERE cg.category = c.category) AS total_budget,
       (SELECT AVG(budget) FROM cat_gigs cg WHERE cg.category = c.category) AS average_budget,
       (SELECT COUNT(*) FROM cat_gigs cg WHERE cg.category = c.category AND status = 'completed') AS completed,
       (SELECT COALESCE(SUM(budget), 0) FROM cat_gigs cg
         WHERE cg.category = c.category AND status = 'completed') AS completed_budget
FROM (SELECT DISTINCT category FROM skills) AS c
ORDER BY c.category;
