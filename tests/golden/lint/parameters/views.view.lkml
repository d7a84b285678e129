view: orders {
  sql_table_name: public.orders ;;
  sql_table_name: public.orders_v2 ;;

  dimension: id {
    primary_key: yes
    type: numbr
    hiden: yes
  }

  measure: count {
    type: count
    type: count
  }

  derived_tabel: {
    sql: SELECT 1 ;;
  }
}

view: items {
  dimension: id {
    primary_key: yes
  }
  dimension: order_id {}
  parameter: mode {
    type: unquoted
    allowed_value: { value: "a" }
    allowed_value: { value: "b" }
  }
}
