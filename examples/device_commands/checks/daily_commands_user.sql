\ir lib/facts.sql
-- Every day from the first to the last command day, also the days without commands.
SELECT d::date, u.name,
       COUNT(s.command_id),
       COUNT(s.command_id) FILTER (WHERE s.status = 'succeeded'),
       COUNT(s.command_id) FILTER (WHERE s.status = 'failed')
FROM generate_series((SELECT MIN(sent_at)::date FROM check_status),
                     (SELECT MAX(sent_at)::date FROM check_status), INTERVAL '1 day') AS d
JOIN users u ON u.name = 'Jörg Müller'
LEFT JOIN check_status s ON s.user_id = u.user_id AND s.sent_at::date = d::date
GROUP BY 1, 2
ORDER BY 1;
