\ir lib/facts.sql
SELECT d.name, s.status, COUNT(*), COUNT(*) FILTER (WHERE s.confirmed)
FROM check_status s JOIN devices d ON d.device_id = s.device_id
WHERE s.user_id = 5
GROUP BY 1, 2
ORDER BY 1, 2;
