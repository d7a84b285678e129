\ir lib/facts.sql
SELECT s.command_id, u.name, to_char(s.sent_at, 'YYYY-MM-DD HH24:MI:SS'), s.target, s.desired,
       s.status, m.seconds_after, m.reported, CASE WHEN m.matches THEN 'Yes' ELSE 'No' END
FROM check_status s
JOIN users u ON u.user_id = s.user_id
LEFT JOIN check_matches m ON m.command_id = s.command_id
WHERE s.sent_at >= DATE '2024-05-03' AND s.sent_at < DATE '2024-05-04'
ORDER BY s.sent_at, m.seconds_after;
