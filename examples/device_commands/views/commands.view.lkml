# Commands parsed from the JSON payloads of `Command` rows and deduplicated: one row per
# command_id, and the earliest delivery wins (the app retries, so a command can arrive up to
# three times). Rows without a command_id are malformed and dropped. Not an explore of its own;
# `command_status` and `command_readings` build on it.

view: commands {
  derived_table: {
    sql:
      SELECT DISTINCT ON (t.item_data->>'command_id')
             t.item_data->>'command_id' AS command_id,
             t.id AS telemetry_id,
             t.device_id,
             (t.item_data->>'user_id')::integer AS user_id,
             t.item_data->>'target' AS target,
             t.item_data->>'desired' AS desired,
             t.item_data AS payload,
             t.date_created AS sent_at,
             COUNT(*) OVER (PARTITION BY t.item_data->>'command_id') AS deliveries
      FROM public.telemetry AS t
      WHERE t.item_key = 'Command' AND (t.item_data->>'command_id') IS NOT NULL
      ORDER BY t.item_data->>'command_id', t.date_created, t.id ;;
  }
  label: "Commands"

  dimension: command_id {
    primary_key: yes
    type: string
    description: "Command identifier from the payload."
    sql: ${TABLE}.command_id ;;
  }

  dimension: deliveries {
    type: number
    description: "How many times the command was delivered (1 = no duplicate)."
    sql: ${TABLE}.deliveries ;;
  }

  measure: count {
    type: count
    label: "Number of Commands"
    description: "Distinct commands."
  }
}
