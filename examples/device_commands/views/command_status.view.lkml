# The command-status fact: one row per command with what happened to it.
#   status  succeeded  a `success` result arrived (the earliest final result wins)
#           failed     an `error` result arrived first
#           acknowledged  only an `ack` arrived
#           sent       no result at all
# `is_confirmed`: a reading within 15 s showed the desired state (see command_readings).

view: command_status {
  derived_table: {
    sql:
      WITH results AS (
        SELECT r.item_data->>'command_id' AS command_id,
               r.item_data->>'status' AS result,
               MIN(r.date_created) AS result_at,
               MIN(r.item_data->>'error') AS error
        FROM public.telemetry AS r
        WHERE r.item_key = 'CommandResult'
        GROUP BY 1, 2
      ), final AS (
        SELECT DISTINCT ON (command_id) command_id, result, result_at, error
        FROM results WHERE result IN ('success', 'error')
        ORDER BY command_id, result_at
      )
      SELECT c.command_id, c.user_id, c.device_id, c.target, c.desired,
             c.payload, c.sent_at, c.deliveries,
             ack.result_at AS acknowledged_at, f.result_at AS finished_at, f.error,
             CASE WHEN f.result = 'success' THEN 'succeeded'
                  WHEN f.result = 'error' THEN 'failed'
                  WHEN ack.result_at IS NOT NULL THEN 'acknowledged'
                  ELSE 'sent' END AS status,
             EXISTS (SELECT 1 FROM ${command_readings.SQL_TABLE_NAME} AS cr
                     WHERE cr.command_id = c.command_id AND cr.matches_desired) AS is_confirmed
      FROM ${commands.SQL_TABLE_NAME} AS c
      LEFT JOIN results AS ack ON ack.command_id = c.command_id AND ack.result = 'ack'
      LEFT JOIN final AS f ON f.command_id = c.command_id ;;
  }
  label: "Commands"

  dimension: command_id {
    primary_key: yes
    type: string
    description: "Command identifier."
    sql: ${TABLE}.command_id ;;
  }

  dimension: user_id {
    type: number
    label: "User ID"
    description: "User who sent the command."
    sql: ${TABLE}.user_id ;;
  }

  dimension: device_id {
    type: string
    description: "Target device."
    sql: ${TABLE}.device_id ;;
  }

  dimension: target {
    type: string
    description: "What the command sets: Lock or Humidity."
    sql: ${TABLE}.target ;;
  }

  dimension: desired {
    type: string
    label: "Desired State"
    description: "locked / unlocked, or the target humidity in %."
    sql: ${TABLE}.desired ;;
  }

  dimension: raw_payload {
    type: string
    description: "The JSON payload of the first delivery."
    required_access_grants: [support]
    sql: ${TABLE}.payload::text ;;
  }

  dimension: status {
    type: string
    description: "sent, acknowledged, succeeded or failed."
    sql: ${TABLE}.status ;;
  }

  dimension: error {
    type: string
    description: "Error reported by the device, for failed commands."
    sql: ${TABLE}.error ;;
  }

  dimension: deliveries {
    type: number
    description: "Times the command was delivered."
    sql: ${TABLE}.deliveries ;;
  }

  dimension: is_confirmed {
    type: yesno
    description: "Yes when a reading within 15 s showed the desired state."
    sql: ${TABLE}.is_confirmed ;;
  }

  dimension_group: sent {
    type: time
    description: "When the command was first delivered."
    timeframes: [raw, time, date, week]
    datatype: timestamp
    convert_tz: no
    sql: ${TABLE}.sent_at ;;
  }

  dimension: seconds_to_ack {
    type: number
    description: "Seconds from sending to the first ack."
    sql: EXTRACT(EPOCH FROM ${TABLE}.acknowledged_at - ${TABLE}.sent_at)::integer ;;
  }

  measure: count {
    type: count
    label: "Number of Commands"
    description: "Distinct commands."
    drill_fields: [command_id, sent_time, target, desired, status]
  }

  measure: succeeded_count {
    type: count
    label: "Succeeded"
    description: "Commands with status succeeded."
    filters: [status: "succeeded"]
  }

  measure: failed_count {
    type: count
    label: "Failed"
    description: "Commands with status failed."
    filters: [status: "failed"]
  }

  measure: confirmed_count {
    type: count
    label: "Confirmed by a Reading"
    description: "Commands a reading within 15 s confirmed."
    filters: [is_confirmed: "yes"]
  }

  measure: confirmation_rate {
    type: number
    description: "Confirmed commands divided by all commands."
    value_format_name: percent_1
    sql: 1.0 * ${confirmed_count} / NULLIF(${count}, 0) ;;
  }

  measure: average_seconds_to_ack {
    type: average
    description: "Average seconds from sending to the first ack."
    value_format_name: decimal_2
    sql: ${seconds_to_ack} ;;
  }

  measure: duplicate_deliveries {
    type: sum
    description: "Extra deliveries of commands (deliveries - 1)."
    sql: ${deliveries} - 1 ;;
  }
}
