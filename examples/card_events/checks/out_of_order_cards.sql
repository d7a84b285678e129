\ir lib/card_state.sql
-- Cards whose last valid event by arrival carries another status than the latest by occurrence.
WITH last_arrived AS (
  SELECT c.card_id, c.status,
         ROW_NUMBER() OVER (PARTITION BY c.card_id ORDER BY c.received_at DESC, c.event_id DESC) AS rn
  FROM raw_card_events c JOIN check_events e ON e.stream = 'cards' AND e.event_id = c.event_id
  WHERE e.valid
)
SELECT s.card_id, s.status, a.status,
       (SELECT COUNT(*) FROM raw_card_events c JOIN check_events e
          ON e.stream = 'cards' AND e.event_id = c.event_id
        WHERE e.valid AND c.card_id = s.card_id)
FROM check_card_state s JOIN last_arrived a ON a.card_id = s.card_id AND a.rn = 1
WHERE a.status <> s.status
ORDER BY s.card_id;
