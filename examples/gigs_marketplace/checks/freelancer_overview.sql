-- Per country, aggregating each branch (gigs, skills) separately before combining.
WITH g AS (
  SELECT u.country, COUNT(g.gig_id) AS gigs,
         COUNT(*) FILTER (WHERE g.status = 'completed') AS completed,
         COALESCE(SUM(g.budget), 0) AS budget
  FROM users u LEFT JOIN gigs g ON g.user_id = u.user_id GROUP BY u.country
), s AS (
  SELECT u.country, COUNT(us.skill_id) AS listings, AVG(us.years_experience) AS avg_years
  FROM users u LEFT JOIN user_skills us ON us.user_id = u.user_id GROUP BY u.country
)
SELECT u.country, COUNT(*) AS freelancers, g.gigs, g.completed, g.budget, s.listings, s.avg_years
FROM users u JOIN g USING (country) JOIN s USING (country)
GROUP BY u.country, g.gigs, g.completed, g.budget, s.listings, s.avg_years
ORDER BY u.country;
