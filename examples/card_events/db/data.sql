-- Deterministic events for card_events (integer arithmetic only), then the ETL run that builds
-- the current-state tables. Run from this directory:
--   psql -v ON_ERROR_STOP=1 -f schema.sql -f data.sql

-- The users stream: 40 users created between 2024-03-01 and 2024-03-05, received 0-9 minutes
-- later, plus 4 malformed events (stream offsets 41-44) that miss a required field.
INSERT INTO raw_user_events (event_id, received_at, event_type, user_id, email, full_name, partner, occurred_at)
SELECT u,
       ts + ((u * 7) % 10) * INTERVAL '1 minute',
       'user_created', u,
       'user' || u || '@example.com',
       (ARRAY['Ana Souza','Łukasz Wiśniewski','佐藤 花子','Zoë Martin','Jörg Müller',
              'Priya Nair','José Núñez','Chloé Dubois','Björn Åberg','Ayşe Yılmaz'])[1 + u % 10],
       (ARRAY['acme_bank','nordbank','banco_sol'])[1 + u % 3],
       ts
FROM (SELECT u, TIMESTAMP '2024-03-01 08:00' + (u * 167) % 5760 * INTERVAL '1 minute' AS ts
      FROM generate_series(1, 40) AS u) AS s;

INSERT INTO raw_user_events VALUES
  (41, '2024-03-02 10:15', 'user_created', NULL, 'ghost@example.com', 'No Id', 'nordbank', '2024-03-02 10:14'),
  (42, '2024-03-03 12:00', 'user_created', 41, NULL, 'Émile Zola', 'acme_bank', '2024-03-03 11:58'),
  (43, '2024-03-04 09:30', 'user_created', 42, 'user42@example.com', 'Ода Нобунага', NULL, '2024-03-04 09:29'),
  (44, '2024-03-06 17:45', 'user_created', 43, 'user43@example.com', 'Late Lee', 'banco_sol', NULL);

-- The cards stream. Card c (1..90) belongs to user 1 + (c * 7) % 40, is created pending on
-- 2024-03-01..10 and then receives c % 5 updates, k = 1..4, every (c * 37) % 50 + 10 hours:
--   k=1 active (new limit when c % 4 = 0), k=2 frozen when c % 3 = 0 else active with a new
--   limit, k=3 active, k=4 closed.
-- Events arrive 0-299 seconds after they happen, except update k=1 of every card with
-- c % 7 = 0, which arrives two days late (after later updates of the same card).
-- Stream offsets follow arrival order. Every 17th event is malformed: depending on
-- offset % 4 it loses card_id, status, occurred_at or (card_created only) user_id.
WITH intended AS (
  SELECT c, k,
         CASE WHEN k = 0 THEN 'card_created' ELSE 'card_updated' END AS event_type,
         CASE WHEN k = 0 THEN 1 + (c * 7) % 40 END AS user_id,
         CASE k WHEN 0 THEN 'pending' WHEN 1 THEN 'active'
                WHEN 2 THEN CASE WHEN c % 3 = 0 THEN 'frozen' ELSE 'active' END
                WHEN 3 THEN 'active' ELSE 'closed' END AS status,
         CASE WHEN k = 0 THEN 500 + (c * 250) % 4500
              WHEN k = 1 AND c % 4 = 0 THEN 1000 + (c * 130) % 4000
              WHEN k = 2 AND c % 3 <> 0 THEN 2000 + (c * 90) % 6000 END::numeric(10, 2) AS credit_limit,
         TIMESTAMP '2024-03-01 09:00' + ((c * 211) % 12960) * INTERVAL '1 minute'
           + k * ((c * 37) % 50 + 10) * INTERVAL '1 hour' AS occurred_at
  FROM generate_series(1, 90) AS c, generate_series(0, 4) AS k
  WHERE k <= c % 5
), arrived AS (
  SELECT i.*,
         occurred_at + CASE WHEN k = 1 AND c % 7 = 0 THEN INTERVAL '2 days' ELSE INTERVAL '0' END
                     + ((c * 13 + k * 29) % 300) * INTERVAL '1 second' AS received_at
  FROM intended i
), numbered AS (
  SELECT a.*, ROW_NUMBER() OVER (ORDER BY received_at, c, k) AS event_id FROM arrived a
)
INSERT INTO raw_card_events (event_id, received_at, event_type, card_id, user_id, status, credit_limit, occurred_at)
SELECT event_id, received_at, event_type,
       CASE WHEN event_id % 17 = 0 AND event_id % 4 = 0 THEN NULL ELSE c END,
       CASE WHEN event_id % 17 = 0 AND event_id % 4 = 3 THEN NULL ELSE user_id END,
       CASE WHEN event_id % 17 = 0 AND event_id % 4 = 1 THEN NULL ELSE status END,
       credit_limit,
       CASE WHEN event_id % 17 = 0 AND event_id % 4 = 2 THEN NULL ELSE occurred_at END
FROM numbered;

-- The ETL run: everything received before 2024-03-15 00:00 has been applied.
INSERT INTO etl_runs VALUES (1, '2024-03-15 00:00');

-- ETL (independent of the LookML): valid user events, the latest per user wins.
INSERT INTO users (user_id, email, full_name, partner, created_at)
SELECT DISTINCT ON (user_id) user_id, email, full_name, partner, occurred_at
FROM raw_user_events
WHERE received_at < (SELECT watermark FROM etl_runs WHERE run_id = 1)
  AND user_id IS NOT NULL AND email IS NOT NULL AND partner IS NOT NULL AND occurred_at IS NOT NULL
ORDER BY user_id, occurred_at DESC, event_id DESC;

-- ETL: replay the valid card events in the order they happened.
DO $$
DECLARE
  e record;
BEGIN
  FOR e IN
    SELECT * FROM raw_card_events
    WHERE received_at < (SELECT watermark FROM etl_runs WHERE run_id = 1)
      AND card_id IS NOT NULL AND status IS NOT NULL AND occurred_at IS NOT NULL
      AND (event_type = 'card_updated' OR (user_id IS NOT NULL AND credit_limit IS NOT NULL))
    ORDER BY occurred_at, event_id
  LOOP
    IF e.event_type = 'card_created' THEN
      INSERT INTO cards VALUES (e.card_id, e.user_id, e.status, e.credit_limit, e.occurred_at, e.occurred_at)
      ON CONFLICT (card_id) DO UPDATE
        SET user_id = EXCLUDED.user_id, created_at = EXCLUDED.created_at;
    ELSE
      INSERT INTO cards VALUES (e.card_id, NULL, e.status, e.credit_limit, NULL, e.occurred_at)
      ON CONFLICT (card_id) DO UPDATE
        SET status = EXCLUDED.status,
            credit_limit = COALESCE(EXCLUDED.credit_limit, cards.credit_limit),
            updated_at = EXCLUDED.updated_at;
    END IF;
  END LOOP;
END
$$;

ANALYZE;
