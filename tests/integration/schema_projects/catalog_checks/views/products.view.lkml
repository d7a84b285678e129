view: products {
  sql_table_name: sales.products ;;

  dimension: id {
    primary_key: yes
    type: number
    sql: ${TABLE}.id ;;
  }

  dimension: title {}

  dimension: colour {}
}

view: product_reviews {
  dimension: product_id {
    type: number
    sql: ${TABLE}.product_id ;;
  }
}
