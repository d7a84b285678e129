-- Gigs of freelancers who list at least one Data skill, per country (EXISTS: once per gig).
SELECT u.country, COUNT(DISTINCT u.user_id) AS freelancers, COUNT(*) AS gigs,
       COALESCE(SUM(g.budget), 0) AS total_budget
FROM gigs g JOIN users u ON u.user_id = g.user_id
WHERE EXISTS (SELECT 1 FROM user_skills us JOIN skills s USING (skill_id)
              WHERE us.user_id = u.user_id AND s.category = 'Data')
GROUP BY u.country
ORDER BY u.country;
