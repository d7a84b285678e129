\ir lib/facts.sql
SELECT command_id, deliveries, to_char(sent_at, 'YYYY-MM-DD HH24:MI:SS'), payload::text
FROM check_commands
WHERE command_id IN ('cmd-0030', 'cmd-0033')
ORDER BY command_id;
