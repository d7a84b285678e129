view: orders {
  sql_table_name: public.orders
  dimension: id {
    sql: ${TABLE}.id ;;
  }
}
