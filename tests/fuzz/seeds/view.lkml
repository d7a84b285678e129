view: orders {
  sql_table_name: public.orders ;;
  dimension: id {
    primary_key: yes
    type: number
    sql: ${TABLE}.id ;;
  }
  measure: count { type: count drill_fields: [id, users.name] }
}
