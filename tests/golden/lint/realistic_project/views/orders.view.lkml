include: "/views/base/timestamps.view"

view: orders {
  extends: [timestamps]
  sql_table_name: @{schema}.orders ;;

  dimension: id {
    primary_key: yes
    type: number
    sql: ${TABLE}.id ;;
  }

  dimension: customer_id {
    type: number
    hidden: yes
    sql: ${TABLE}.customer_id ;;
  }

  dimension: status {
    type: string
    sql: ${TABLE}.status ;;
  }

  dimension: is_complete {
    type: yesno
    sql: ${status} = 'complete' ;;
  }

  dimension_group: fulfillment {
    type: duration
    intervals: [hour, day]
    sql_start: ${created_raw} ;;
    sql_end: ${TABLE}.shipped_at ;;
  }

  measure: count {
    type: count
    drill_fields: [id, status, customers.name]
  }

  measure: complete_count {
    type: count
    filters: [is_complete: "yes"]
  }

  measure: completion_rate {
    type: number
    value_format_name: percent_1
    sql: 1.0 * ${complete_count} / NULLIF(${count}, 0) ;;
  }

  measure: revenue {
    type: sum
    value_format_name: usd
    sql: ${order_items.sale_price} ;;
  }
}
