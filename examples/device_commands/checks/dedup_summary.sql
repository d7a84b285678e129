SELECT item_key, COUNT(*), COUNT(DISTINCT (device_id, item_data, date_created)),
       COUNT(*) - COUNT(DISTINCT (device_id, item_data, date_created))
FROM telemetry
GROUP BY item_key
ORDER BY item_key;
