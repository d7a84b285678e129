WITH cat_users AS (
  SELECT DISTINCT s.category, u.user_id
  FROM skills s JOIN user_skills us ON us.skill_id = s.skill_id
  JOIN users u ON u.user_id = us.user_id
  WHERE u.country = 'DE'
)
SELECT cu.category, COUNT(DISTINCT cu.user_id) AS freelancers, COUNT(g.gig_id) AS gigs,
       COALESCE(SUM(g.budget), 0) AS total_budget
FROM cat_users cu LEFT JOIN gigs g ON g.user_id = cu.user_id
GROUP BY cu.category
ORDER BY cu.category;
