-- Deterministic telemetry for device_commands (integer arithmetic only).
-- Run from this directory:  psql -v ON_ERROR_STOP=1 -f schema.sql -f data.sql
INSERT INTO users VALUES
  (1, 'Ana Souza'), (2, 'Łukasz Wiśniewski'), (3, '佐藤 花子'), (4, 'Zoë Martin'), (5, 'Jörg Müller');

INSERT INTO devices
SELECT 'lock-' || u, u, 'lock', 'Front door ' || u FROM generate_series(1, 5) AS u
UNION ALL
SELECT 'hum-' || u, u, 'humidifier', 'Bedroom humidifier ' || u FROM generate_series(1, 5) AS u;

-- 120 commands over 2024-05-01 .. 2024-05-14, n = 1..120 (command id cmd-0001 ...):
--   user      1 + (n * 7 + n / 10) % 5; user 5 sends nothing between 2024-05-05 and 2024-05-09
--             (those commands go to user 4), user 3 nothing between 2024-05-10 and 2024-05-12
--             (they go to user 1)
--   sent at   day (n * 5) % 14, between 06:00 and 22:00 ((n * 397) % 960 minutes after 06:00,
--             plus (n * 13) % 60 seconds); when n % 13 = 0 it is moved to 10 s before the
--             device's hourly report (hh:29:50), so that report falls in the 15 s window
--   target    Humidity (device hum-<user>, desired 40..54 %) when n % 3 = 0,
--             else Lock (device lock-<user>, desired locked when (n / 3) % 2 = 0, else unlocked)
--   outcome   by n % 10, with a = 1 + (n / 2) % 3 seconds to the ack:
--             0-5 ack at +a s, success at +a+3 s; 6 ack only; 7 ack, error at +a+5 s;
--             8 no result at all; 9 success at +3 s without ack
--   readings  0-5: the device reports the desired state at +5..+12 s, and when n % 11 = 0 it
--             first reports the previous state at +2 s; 9: the desired state at +17..+19 s
--             (too late); 7: the other state at +8 s; 6: the desired state at +20 s (too
--             late); 8: nothing
--   copies    the Command row is delivered twice when n % 6 = 0 (again 2 s later) and three
--             times when n % 10 = 0; the ack is delivered twice when n % 4 = 0 (again 3 s later)
-- Devices also report their state every hour at :30:00 (locks: unlocked 07:30-21:30, locked
-- otherwise; humidifiers: target 50 %); some of those reports are delivered twice (identical
-- rows). 3 Command rows are malformed (no command_id) and must be ignored.
CREATE TEMP TABLE cmd AS
SELECT n,
       'cmd-' || lpad(n::text, 4, '0') AS command_id,
       u AS user_id,
       CASE WHEN n % 3 = 0 THEN 'Humidity' ELSE 'Lock' END AS target,
       CASE WHEN n % 3 = 0 THEN 'hum-' ELSE 'lock-' END || u AS device_id,
       CASE WHEN n % 3 = 0 THEN to_jsonb(40 + (n * 7) % 15)
            WHEN (n / 3) % 2 = 0 THEN to_jsonb('locked'::text) ELSE to_jsonb('unlocked'::text) END AS desired,
       sent_at,
       n % 10 AS outcome,
       1 + (n / 2) % 3 AS ack_delay
FROM (
  SELECT n, h, 1 + (n * 7 + n / 10) % 5 AS u0,
         CASE WHEN n % 13 = 0
              THEN date_trunc('hour', h) + INTERVAL '29 minutes 50 seconds'
              ELSE h END AS sent_at
  FROM (SELECT n, TIMESTAMP '2024-05-01 06:00:00' + ((n * 5) % 14) * INTERVAL '1 day'
                                                  + ((n * 397) % 960) * INTERVAL '1 minute'
                                                  + ((n * 13) % 60) * INTERVAL '1 second' AS h
        FROM generate_series(1, 120) AS n) AS hashed
) AS s,
LATERAL (SELECT CASE WHEN u0 = 5 AND sent_at >= '2024-05-05' AND sent_at < '2024-05-10' THEN 4
                     WHEN u0 = 3 AND sent_at >= '2024-05-10' AND sent_at < '2024-05-13' THEN 1
                     ELSE u0 END AS u) AS owner;

CREATE TEMP TABLE raw (device_id text, item_key text, item_data jsonb, date_created timestamp, ord integer);

-- Commands and their duplicate deliveries.
INSERT INTO raw
SELECT device_id, 'Command',
       jsonb_build_object('command_id', command_id, 'user_id', user_id, 'target', target,
                          'desired', desired),
       sent_at + copy * 2 * INTERVAL '1 second', copy
FROM cmd, generate_series(0, 2) AS copy
WHERE copy = 0 OR (copy = 1 AND (n % 6 = 0 OR n % 10 = 0)) OR (copy = 2 AND n % 10 = 0);

-- Results.
INSERT INTO raw
SELECT device_id, 'CommandResult', jsonb_build_object('command_id', command_id, 'status', 'ack'),
       sent_at + (ack_delay + copy * 3) * INTERVAL '1 second', copy
FROM cmd, generate_series(0, 1) AS copy
WHERE outcome <= 7 AND (copy = 0 OR n % 4 = 0);
INSERT INTO raw
SELECT device_id, 'CommandResult',
       CASE WHEN outcome = 7
            THEN jsonb_build_object('command_id', command_id, 'status', 'error',
                                    'error', CASE WHEN target = 'Lock' THEN 'jammed' ELSE 'tank empty' END)
            ELSE jsonb_build_object('command_id', command_id, 'status', 'success') END,
       sent_at + CASE outcome WHEN 7 THEN ack_delay + 5 WHEN 9 THEN 3 ELSE ack_delay + 3 END * INTERVAL '1 second', 0
FROM cmd
WHERE outcome <= 5 OR outcome IN (7, 9);

-- Readings caused by the commands (`early` = the previous state, reported first).
INSERT INTO raw
SELECT device_id, target,
       CASE WHEN target = 'Lock'
            THEN jsonb_build_object('state', CASE WHEN (outcome = 7) <> early
                                                  THEN CASE WHEN desired = '"locked"' THEN 'unlocked' ELSE 'locked' END
                                                  ELSE desired #>> '{}' END)
            ELSE jsonb_build_object('relative_humidity', 55 + (n % 9) * 0.5,
                                    'target', CASE WHEN outcome = 7 OR early THEN 50
                                                   ELSE (desired #>> '{}')::integer END)
       END,
       sent_at + CASE WHEN early THEN 2 WHEN outcome = 7 THEN 8 WHEN outcome = 6 THEN 20
                      WHEN outcome = 9 THEN 17 + n % 3 ELSE 5 + n % 8 END * INTERVAL '1 second',
       0
FROM cmd, LATERAL (SELECT false AS early UNION ALL SELECT true WHERE n % 11 = 0 AND n % 10 <= 5) AS e
WHERE outcome <> 8;

-- Hourly state reports of every device.
INSERT INTO raw
SELECT d.device_id, CASE WHEN d.kind = 'lock' THEN 'Lock' ELSE 'Humidity' END,
       CASE WHEN d.kind = 'lock'
            THEN jsonb_build_object('state', CASE WHEN h % 24 BETWEEN 7 AND 21 THEN 'unlocked' ELSE 'locked' END)
            ELSE jsonb_build_object('relative_humidity', 45 + (h * 7 + d.user_id) % 20, 'target', 50) END,
       TIMESTAMP '2024-05-01 00:30:00' + h * INTERVAL '1 hour', copy
FROM devices d, generate_series(0, 14 * 24 - 1) AS h, generate_series(0, 1) AS copy
WHERE copy = 0 OR (h + d.user_id) % 7 = 0;

-- Malformed commands: no command_id.
INSERT INTO raw VALUES
  ('lock-1', 'Command', '{"user_id": 1, "target": "Lock", "desired": "locked"}', '2024-05-02 22:10:05', 0),
  ('hum-3', 'Command', '{"user_id": 3, "target": "Humidity"}', '2024-05-07 09:00:00', 0),
  ('lock-4', 'Command', '{}', '2024-05-12 18:45:30', 0);

-- Ingestion order: by time of arrival; duplicates of a message arrive right after it.
INSERT INTO telemetry (id, device_id, item_key, item_data, date_created)
SELECT ROW_NUMBER() OVER (ORDER BY date_created, device_id, item_key, ord, item_data::text),
       device_id, item_key, item_data, date_created
FROM raw;

ANALYZE;
