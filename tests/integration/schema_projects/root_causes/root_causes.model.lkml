connection: "db"

view: orders {
  sql_table_name: public.orders ;;
  dimension: id { primary_key: yes type: number sql: ${TABLE}.id ;; }
  dimension: customer_id { type: number sql: ${TABLE}.customer_id ;; }
  # The database rejects it (no column customer_idx); the join on it fails because of it.
  dimension: customer_ref { type: number sql: ${TABLE}.customer_idx ;; }
  dimension: status { type: string sql: ${TABLE}.status ;; }
  # Two typos lint reports (LKML205): not sent to the database.
  dimension: status_label { type: string sql: UPPER(${statuss}) ;; }
  measure: total { type: sum sql: ${amount_typo} ;; }
}

view: customers {
  sql_table_name: public.customers ;;
  dimension: id { primary_key: yes type: number sql: ${TABLE}.id ;; }
  dimension: name { type: string sql: ${TABLE}.name ;; }
}

view: buyers {
  # No such table (LKML301): the join below on the foreign key's column would follow it.
  sql_table_name: public.customerz ;;
  dimension: id { primary_key: yes type: number sql: ${TABLE}.id ;; }
}

explore: orders {
  join: customers {
    relationship: many_to_one
    sql_on: ${orders.customer_ref} = ${customers.id} ;;
  }
}

explore: order_buyers {
  from: orders
  join: buyers {
    relationship: many_to_one
    sql_on: ${order_buyers.customer_id} = ${buyers.id} ;;
  }
}

# A lint error in the explore itself: not sent to the database.
explore: broken_join {
  from: orders
  join: customers {
    relationship: many_to_one
    sql_on: ${broken_join.nope} = ${customers.id} ;;
  }
}
