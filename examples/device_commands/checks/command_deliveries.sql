-- Deliveries per command id, counted on the raw rows (malformed rows without an id excluded).
SELECT deliveries, COUNT(*), SUM(deliveries - 1)
FROM (SELECT item_data->>'command_id' AS command_id, COUNT(*) AS deliveries
      FROM telemetry
      WHERE item_key = 'Command' AND item_data->>'command_id' IS NOT NULL
      GROUP BY 1) AS per_command
GROUP BY deliveries
ORDER BY deliveries;
