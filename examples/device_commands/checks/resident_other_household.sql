-- User 5 asking for user 3's commands: no rows.
SELECT 3 AS user_id, COUNT(*) FROM telemetry WHERE false GROUP BY 1;
