\ir lib/card_state.sql
SELECT received_at::date, stream, COUNT(*), COUNT(*) FILTER (WHERE NOT valid),
       COUNT(*) FILTER (WHERE NOT valid)::numeric / COUNT(*)
FROM check_events
GROUP BY 1, 2
ORDER BY 1, 2;
