connection: "warehouse"

view: orders {
  sql_table_name: public.orders ;;

  dimension: id {
    primary_key: yes
    type: number
    sql: ${TABLE}.id ;;
  }
  dimension: customer_id {
    type: number
    sql: ${TABLE}.customer_id ;;
  }
  dimension: status {
    sql: ${TABLE}.status ;;
  }
  # The one bad field: PostgreSQL has no upper_case(); only running the SQL finds it.
  dimension: status_shout {
    sql: upper_case(${TABLE}.status) ;;
  }
  dimension: is_big {
    type: yesno
    sql: ${TABLE}.amount > 100 ;;
  }
  dimension_group: created {
    type: time
    timeframes: [raw, date, week, month, year]
    sql: ${TABLE}.created_at ;;
  }
  measure: count {
    type: count
  }
  measure: total_amount {
    type: sum
    sql: ${TABLE}.amount ;;
  }
}

view: customers {
  sql_table_name: public.customers ;;

  dimension: id {
    primary_key: yes
    type: number
    sql: ${TABLE}.id ;;
  }
  dimension: name {
    sql: ${TABLE}.name ;;
  }
  dimension: country {
    sql: ${TABLE}.country ;;
  }
  measure: count {
    type: count
  }
}

explore: orders {
  join: customers {
    relationship: many_to_one
    sql_on: ${orders.customer_id} = ${customers.id} ;;
  }
}

explore: customers {}

# Every field of the join fails: the join's condition names a column that does not exist.
explore: customer_orders {
  from: customers
  join: orders {
    relationship: one_to_many
    sql_on: ${customer_orders.id} = orders.customer_idx ;;
  }
}

# Every query fails, whatever the fields: sql_always_where is broken.
explore: recent_orders {
  from: orders
  sql_always_where: ${recent_orders.created_raw} > no_such_column ;;
}

# A field lkml cannot compile without the user attribute `team`: skipped with a warning.
view: notes {
  sql_table_name: public.customers ;;

  dimension: name {
    sql: ${TABLE}.name ;;
  }
  dimension: team_label {
    sql: '{{ _user_attributes['team'] }}' ;;
  }
}

explore: notes {}
