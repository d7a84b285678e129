view: orders {
  sql_table_name: @{schema}.orders ;;

  dimension: id {
    primary_key: yes
    type: number
    sql: ${TABLE}.id ;;
  }

  dimension: customer_id {
    type: number
    sql: ${TABLE}.customer_id ;;
  }

  dimension: status {
    sql: ${TABLE}.status ;;
  }

  # 11. ${field}: a typo in a field of the same view
  dimension: is_complete {
    type: yesno
    sql: ${stauts} = 'complete' ;;
  }

  # 12. a dimension group referenced without a timeframe
  dimension_group: created {
    type: time
    timeframes: [raw, date, month]
    sql: ${TABLE}.created_at ;;
  }

  dimension: created_label {
    sql: TO_CHAR(${created}, 'YYYY-MM') ;;
  }

  measure: count {
    type: count
  }
}
