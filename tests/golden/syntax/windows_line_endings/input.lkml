view: orders {
  sql_table_name: public.orders ;;
  dimension: id {
    type: number
    sql: ${TABLE}.id
      + 1 ;;
  }
  # comment
  measure: count { type: count }
}
