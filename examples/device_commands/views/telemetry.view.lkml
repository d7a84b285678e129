# The raw telemetry table, duplicates included. Payloads are raw JSON: support only.

view: telemetry {
  sql_table_name: public.telemetry ;;
  label: "Raw Telemetry"

  dimension: id {
    primary_key: yes
    type: number
    label: "Row ID"
    description: "Ingestion sequence number."
    sql: ${TABLE}.id ;;
  }

  dimension: device_id {
    type: string
    description: "Sending or receiving device."
    sql: ${TABLE}.device_id ;;
  }

  dimension: item_key {
    type: string
    description: "Message kind: Command, CommandResult, Lock, Humidity."
    sql: ${TABLE}.item_key ;;
  }

  dimension: item_data {
    type: string
    label: "Payload (JSON)"
    description: "The message payload as JSON text."
    required_access_grants: [support]
    sql: ${TABLE}.item_data::text ;;
  }

  dimension_group: created {
    type: time
    description: "Event time reported by the sender (date_created)."
    timeframes: [raw, time, date]
    datatype: timestamp
    convert_tz: no
    sql: ${TABLE}.date_created ;;
  }

  measure: count {
    type: count
    label: "Number of Rows"
    description: "Raw rows, duplicates included."
  }

  measure: message_count {
    type: count_distinct
    label: "Number of Distinct Messages"
    description: "Rows that differ in device, kind, payload or time."
    sql: ${TABLE}.device_id || '|' || ${TABLE}.item_key || '|' || ${TABLE}.item_data::text || '|' || ${TABLE}.date_created::text ;;
  }

  measure: duplicate_row_count {
    type: number
    label: "Number of Duplicate Rows"
    description: "Rows that repeat an earlier message."
    sql: ${count} - ${message_count} ;;
  }
}
