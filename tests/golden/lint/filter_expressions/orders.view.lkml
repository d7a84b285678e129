view: orders {
  sql_table_name: public.orders ;;

  dimension: id {
    primary_key: yes
    type: number
  }
  dimension: customer_id { type: number }
  dimension: status {}
  dimension: amount { type: number }
  dimension: is_paid { type: yesno sql: ${TABLE}.paid_at IS NOT NULL ;; }
  dimension_group: created {
    type: time
    timeframes: [raw, date, month]
    sql: ${TABLE}.created_at ;;
  }

  measure: count { type: count }
  measure: paid_count {
    type: count
    filters: [is_paid: "maybe"]
  }
  measure: recent_customers {
    type: count_distinct
    sql: ${customer_id} ;;
    filters: [created_date: "2024-02-30", customers.region: "\"EU"]
  }
  measure: ok_count {
    type: count
    filters: [status: "-NULL", created_date: "-NULL", amount: "NOT NULL", is_paid: "no"]
  }
}

view: customers {
  sql_table_name: public.customers ;;
  dimension: id {
    primary_key: yes
    type: number
  }
  dimension: region {}
}
