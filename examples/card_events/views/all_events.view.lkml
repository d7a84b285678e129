# Both raw streams as one table, one row per received event, with the validation rule of the
# ETL spelled out: an event is rejected when a required field is missing, and
# `rejection_reason` names the first missing one.

view: all_events {
  derived_table: {
    sql:
      SELECT 'users' AS stream, e.event_id, e.event_type, e.received_at, e.occurred_at,
             e.user_id, NULL::integer AS card_id, NULL::text AS status,
             NULL::numeric AS credit_limit,
             CASE WHEN e.user_id IS NULL THEN 'missing user_id'
                  WHEN e.email IS NULL THEN 'missing email'
                  WHEN e.partner IS NULL THEN 'missing partner'
                  WHEN e.occurred_at IS NULL THEN 'missing occurred_at'
             END AS rejection_reason
      FROM public.raw_user_events AS e
      UNION ALL
      SELECT 'cards', e.event_id, e.event_type, e.received_at, e.occurred_at,
             e.user_id, e.card_id, e.status, e.credit_limit,
             CASE WHEN e.card_id IS NULL THEN 'missing card_id'
                  WHEN e.status IS NULL THEN 'missing status'
                  WHEN e.occurred_at IS NULL THEN 'missing occurred_at'
                  WHEN e.event_type = 'card_created' AND e.user_id IS NULL THEN 'missing user_id'
                  WHEN e.event_type = 'card_created' AND e.credit_limit IS NULL THEN 'missing credit_limit'
             END
      FROM public.raw_card_events AS e ;;
  }
  label: "Events"

  dimension: pk {
    primary_key: yes
    hidden: yes
    type: string
    description: "stream:event_id"
    sql: ${TABLE}.stream || ':' || ${TABLE}.event_id ;;
  }

  dimension: stream {
    type: string
    description: "users or cards."
    sql: ${TABLE}.stream ;;
  }

  dimension: event_id {
    type: number
    description: "Offset of the event in its stream."
    sql: ${TABLE}.event_id ;;
  }

  dimension: event_type {
    type: string
    description: "user_created, card_created or card_updated."
    sql: ${TABLE}.event_type ;;
  }

  dimension: card_id {
    type: number
    description: "Card the event is about (cards stream)."
    sql: ${TABLE}.card_id ;;
  }

  dimension_group: received {
    type: time
    description: "When the warehouse received the event (always present)."
    timeframes: [raw, time, date, week]
    datatype: timestamp
    convert_tz: no
    sql: ${TABLE}.received_at ;;
  }

  dimension_group: occurred {
    type: time
    description: "When the event happened in the source system (missing on some rejected events)."
    timeframes: [raw, time, date]
    datatype: timestamp
    convert_tz: no
    sql: ${TABLE}.occurred_at ;;
  }

  dimension: is_valid {
    type: yesno
    description: "Yes when the event has every required field."
    sql: ${TABLE}.rejection_reason IS NULL ;;
  }

  dimension: rejection_reason {
    type: string
    description: "First required field the event is missing; empty for valid events."
    sql: ${TABLE}.rejection_reason ;;
  }

  dimension: is_after_etl_watermark {
    type: yesno
    description: "Yes when the event was received after the last ETL run's watermark."
    sql: ${TABLE}.received_at >= (SELECT MAX(r.watermark) FROM public.etl_runs AS r) ;;
  }

  measure: count {
    type: count
    label: "Number of Events"
    description: "Events received."
  }

  measure: rejected_count {
    type: count
    label: "Number of Rejected Events"
    description: "Malformed events: a required field is missing."
    filters: [is_valid: "no"]
  }

  measure: rejection_rate {
    type: number
    description: "Rejected events divided by all events."
    value_format_name: percent_1
    sql: 1.0 * ${rejected_count} / NULLIF(${count}, 0) ;;
  }
}
