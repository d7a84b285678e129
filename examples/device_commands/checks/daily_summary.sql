\ir lib/facts.sql
WITH s AS MATERIALIZED (SELECT user_id, sent_at::date AS day FROM check_status),
days AS (
  SELECT d::date AS day
  FROM generate_series((SELECT MIN(day) FROM s), (SELECT MAX(day) FROM s), INTERVAL '1 day') AS d
), per_day AS (
  SELECT u.user_id, u.name, days.day, COUNT(s.user_id) AS commands
  FROM users u CROSS JOIN days
  LEFT JOIN s ON s.user_id = u.user_id AND s.day = days.day
  GROUP BY 1, 2, 3
)
SELECT name, COUNT(*), COUNT(*) FILTER (WHERE commands = 0), SUM(commands), AVG(commands)
FROM per_day
GROUP BY user_id, name
ORDER BY name;
