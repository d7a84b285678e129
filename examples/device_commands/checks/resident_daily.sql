\ir lib/facts.sql
-- User 5's calendar, without any filter in the query: the access filter supplies it.
SELECT d::date, u.name,
       COUNT(s.command_id),
       COUNT(s.command_id) FILTER (WHERE s.status = 'succeeded'),
       COUNT(s.command_id) FILTER (WHERE s.status = 'failed')
FROM generate_series((SELECT MIN(sent_at)::date FROM check_status),
                     (SELECT MAX(sent_at)::date FROM check_status), INTERVAL '1 day') AS d
JOIN users u ON u.user_id = 5
LEFT JOIN check_status s ON s.user_id = u.user_id AND s.sent_at::date = d::date
GROUP BY 1, 2
ORDER BY 1;
