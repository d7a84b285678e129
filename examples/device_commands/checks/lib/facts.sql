-- Independent restatement of the rules (not the LookML's SQL), as temporary views:
--   check_commands   first delivery per command_id by ROW_NUMBER (earliest date_created, then id)
--   check_readings   distinct (device, kind, time, payload) state reports
--   check_matches    readings of the commanded device and kind in (sent_at, sent_at + 15 s]
--   check_status     one row per command with its status and confirmation
CREATE TEMP VIEW check_commands AS
SELECT command_id, user_id, device_id, target, desired, payload, sent_at, deliveries
FROM (SELECT item_data->>'command_id' AS command_id,
             (item_data->>'user_id')::integer AS user_id, device_id,
             item_data->>'target' AS target, item_data->>'desired' AS desired,
             item_data AS payload, date_created AS sent_at,
             COUNT(*) OVER w AS deliveries,
             ROW_NUMBER() OVER (w ORDER BY date_created, id) AS rn
      FROM telemetry
      WHERE item_key = 'Command' AND item_data->>'command_id' IS NOT NULL
      WINDOW w AS (PARTITION BY item_data->>'command_id')) AS t
WHERE rn = 1;

CREATE TEMP VIEW check_readings AS
SELECT DISTINCT device_id, item_key, date_created, item_data FROM telemetry
WHERE item_key IN ('Lock', 'Humidity');

CREATE TEMP VIEW check_matches AS
SELECT c.command_id, r.date_created AS read_at,
       EXTRACT(EPOCH FROM r.date_created - c.sent_at) AS seconds_after,
       COALESCE(r.item_data->>'state', r.item_data->>'target') AS reported,
       COALESCE(r.item_data->>'state', r.item_data->>'target') = c.desired AS matches
FROM check_commands c
JOIN check_readings r ON r.device_id = c.device_id AND r.item_key = c.target
WHERE r.date_created > c.sent_at AND r.date_created <= c.sent_at + INTERVAL '15 seconds';

CREATE TEMP VIEW check_status AS
SELECT c.*,
       (SELECT MIN(date_created) FROM telemetry t
         WHERE t.item_key = 'CommandResult' AND t.item_data->>'command_id' = c.command_id
           AND t.item_data->>'status' = 'ack') AS acked_at,
       COALESCE((SELECT CASE t.item_data->>'status' WHEN 'success' THEN 'succeeded' ELSE 'failed' END
                 FROM telemetry t
                 WHERE t.item_key = 'CommandResult' AND t.item_data->>'command_id' = c.command_id
                   AND t.item_data->>'status' IN ('success', 'error')
                 ORDER BY t.date_created LIMIT 1),
                CASE WHEN EXISTS (SELECT 1 FROM telemetry t
                                  WHERE t.item_key = 'CommandResult'
                                    AND t.item_data->>'command_id' = c.command_id)
                     THEN 'acknowledged' ELSE 'sent' END) AS status,
       EXISTS (SELECT 1 FROM check_matches m WHERE m.command_id = c.command_id AND m.matches) AS confirmed
FROM check_commands c;
