-- Independent restatement of the rules (not the LookML's SQL): validity, and each card's state
-- by ranking its valid events with window functions. Creates temporary views for the checks.
CREATE TEMP VIEW check_events AS
SELECT 'users' AS stream, event_id, event_type, received_at, user_id, NULL::integer AS card_id,
       NOT (user_id IS NULL OR email IS NULL OR partner IS NULL OR occurred_at IS NULL) AS valid
FROM raw_user_events
UNION ALL
SELECT 'cards', event_id, event_type, received_at, user_id, card_id,
       card_id IS NOT NULL AND status IS NOT NULL AND occurred_at IS NOT NULL
       AND (event_type = 'card_updated' OR (user_id IS NOT NULL AND credit_limit IS NOT NULL))
FROM raw_card_events;

CREATE TEMP VIEW check_card_state AS
WITH valid AS (
  SELECT c.* FROM raw_card_events c JOIN check_events e ON e.stream = 'cards' AND e.event_id = c.event_id
  WHERE e.valid
), ranked AS (
  SELECT v.*,
         ROW_NUMBER() OVER (PARTITION BY card_id ORDER BY occurred_at DESC, event_id DESC) AS rn,
         ROW_NUMBER() OVER (PARTITION BY card_id
                            ORDER BY credit_limit IS NULL, occurred_at DESC, event_id DESC) AS rn_limit
  FROM valid v
)
SELECT card_id,
       MAX(status) FILTER (WHERE rn = 1) AS status,
       MAX(credit_limit) FILTER (WHERE rn_limit = 1) AS credit_limit,
       MIN(user_id) FILTER (WHERE event_type = 'card_created') AS user_id,
       MAX(occurred_at) AS status_changed_at
FROM ranked
GROUP BY card_id;
