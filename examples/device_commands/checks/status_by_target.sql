\ir lib/facts.sql
-- Command measures from the command facts alone; reading measures from the matches alone,
-- each aggregated before they are put side by side (no join that could repeat a command).
WITH s AS MATERIALIZED (SELECT * FROM check_status),
cmd AS (
  SELECT target, status, COUNT(*) AS commands, COUNT(*) FILTER (WHERE confirmed) AS confirmed,
         AVG(EXTRACT(EPOCH FROM acked_at - sent_at)) AS avg_ack
  FROM s GROUP BY 1, 2
), rd AS (
  SELECT s.target, s.status, COUNT(*) AS readings, COUNT(*) FILTER (WHERE m.matches) AS matching
  FROM check_matches m JOIN s USING (command_id) GROUP BY 1, 2
)
SELECT cmd.target, cmd.status, commands, confirmed, avg_ack,
       COALESCE(readings, 0), COALESCE(matching, 0)
FROM cmd LEFT JOIN rd USING (target, status)
ORDER BY 1, 2;
