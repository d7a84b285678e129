# Each command with the readings of its device and kind (Lock -> Lock, Humidity -> Humidity)
# taken in the 15 seconds after it was sent (0 < t - sent_at <= 15 s), and whether the reading
# shows the desired state: a lock's `state`, a humidifier's `target`.

view: command_readings {
  derived_table: {
    sql:
      SELECT c.command_id,
             r.reading_id,
             r.read_at,
             EXTRACT(EPOCH FROM r.read_at - c.sent_at)::integer AS seconds_after,
             r.lock_state,
             r.relative_humidity,
             r.humidity_target,
             CASE WHEN c.target = 'Lock' THEN r.lock_state = c.desired
                  ELSE r.humidity_target = c.desired::numeric END AS matches_desired
      FROM ${commands.SQL_TABLE_NAME} AS c
      JOIN ${readings.SQL_TABLE_NAME} AS r
        ON r.device_id = c.device_id
       AND r.item_key = c.target
       AND r.read_at > c.sent_at
       AND r.read_at <= c.sent_at + INTERVAL '15 seconds' ;;
  }
  label: "Readings within 15 s"

  dimension: pk {
    primary_key: yes
    hidden: yes
    type: string
    description: "command_id/reading_id"
    sql: ${TABLE}.command_id || '/' || ${TABLE}.reading_id ;;
  }

  dimension: command_id {
    hidden: yes
    type: string
    description: "Command."
    sql: ${TABLE}.command_id ;;
  }

  dimension: reading_id {
    type: number
    description: "Reading."
    sql: ${TABLE}.reading_id ;;
  }

  dimension: seconds_after {
    type: number
    description: "Seconds between the command and the reading (1..15)."
    sql: ${TABLE}.seconds_after ;;
  }

  dimension: reported_state {
    type: string
    description: "Lock state, or the humidifier's target humidity."
    sql: COALESCE(${TABLE}.lock_state, ${TABLE}.humidity_target::text) ;;
  }

  dimension: matches_desired {
    type: yesno
    description: "Yes when the reading shows the state the command asked for."
    sql: ${TABLE}.matches_desired ;;
  }

  measure: count {
    type: count
    label: "Number of Readings within 15 s"
    description: "Readings of the commanded device within 15 seconds after a command."
  }

  measure: matching_count {
    type: count
    label: "Number of Matching Readings"
    description: "Those readings that show the desired state."
    filters: [matches_desired: "yes"]
  }

  measure: average_seconds_after {
    type: average
    description: "Average delay of those readings."
    value_format_name: decimal_1
    sql: ${seconds_after} ;;
  }
}
