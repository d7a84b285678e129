# Current state of cards, as the ETL wrote it (only events received before its watermark).

view: cards {
  sql_table_name: public.cards ;;
  label: "Cards (warehouse)"

  dimension: card_id {
    primary_key: yes
    type: number
    label: "Card ID"
    description: "Card."
    sql: ${TABLE}.card_id ;;
  }

  dimension: user_id {
    type: number
    description: "Owner."
    sql: ${TABLE}.user_id ;;
  }

  dimension: status {
    type: string
    description: "Status in the warehouse table."
    sql: ${TABLE}.status ;;
  }

  dimension: credit_limit {
    type: number
    description: "Credit limit in the warehouse table."
    required_access_grants: [risk]
    sql: ${TABLE}.credit_limit ;;
  }

  dimension_group: updated {
    type: time
    description: "Time of the last event the ETL applied."
    timeframes: [raw, time, date]
    datatype: timestamp
    convert_tz: no
    sql: ${TABLE}.updated_at ;;
  }

  measure: count {
    type: count
    label: "Number of Cards"
    description: "Cards in the warehouse table."
  }
}
