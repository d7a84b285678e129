view: "orders" {
  dimension: "order id" {
    sql: ${TABLE}."order id" ;;
  }
}
explore: "orders" {}
