view: orders {
  sql_table_name: public.orders ;;

  dimension: id {
    primary_key: yes
    type: number
    sql: ${TABLE}.id ;;
  }

  dimension: status {
    type: string
    sql: ${TABLE}.status ;;
  }

  measure: count {
    type: count
    drill_fields: [id, status]
  }

  measure: total_amount {
    type: sum
    sql: ${TABLE}.amount ;;
    value_format_name: usd
  }
}
