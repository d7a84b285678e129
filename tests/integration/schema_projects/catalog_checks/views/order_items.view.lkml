view: order_items {
  sql_table_name: sales.order_items ;;

  dimension: id {
    primary_key: yes
    type: number
    sql: ${TABLE}.id ;;
  }

  dimension: order_id {
    type: number
    sql: ${TABLE}.order_id ;;
  }

  dimension: product_id {
    type: number
    sql: ${TABLE}.product_id ;;
  }

  dimension: quantity {
    type: number
    sql: order_items.quantiy ;;
  }

  measure: total_price {
    type: sum
    sql: ${TABLE}.price ;;
  }
}
