# Device state reports (`Lock` and `Humidity` rows) with exact duplicates removed: one row per
# (device, kind, time, payload), identified by its first telemetry row.

view: readings {
  derived_table: {
    sql:
      SELECT MIN(t.id) AS reading_id,
             t.device_id,
             t.item_key,
             t.date_created AS read_at,
             t.item_data->>'state' AS lock_state,
             (t.item_data->>'relative_humidity')::numeric AS relative_humidity,
             (t.item_data->>'target')::numeric AS humidity_target,
             COUNT(*) AS deliveries
      FROM public.telemetry AS t
      WHERE t.item_key IN ('Lock', 'Humidity')
      GROUP BY t.device_id, t.item_key, t.date_created, t.item_data ;;
  }
  label: "Readings"

  dimension: reading_id {
    primary_key: yes
    type: number
    description: "First telemetry row of the reading."
    sql: ${TABLE}.reading_id ;;
  }

  dimension: item_key {
    type: string
    description: "Lock or Humidity."
    sql: ${TABLE}.item_key ;;
  }

  measure: count {
    type: count
    label: "Number of Readings"
    description: "Distinct readings."
  }
}
