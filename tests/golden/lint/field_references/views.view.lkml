view: orders {
  dimension: id { primary_key: yes }
  dimension: customer_id {}
  dimension: customer_name {
    sql: ${customers.name} ;;
  }
  dimension: a { sql: ${b} + 1 ;; }
  dimension: b { sql: ${c} * 2 ;; }
  dimension: c { sql: ${orders.a} ;; }
  dimension: self { sql: ${self} ;; }
  dimension: table_ref { sql: ${customers.SQL_TABLE_NAME}.id ;; }
  dimension: unknown_table { sql: ${custmers.SQL_TABLE_NAME}.id ;; }
}

view: customers {
  dimension: id { primary_key: yes }
  dimension: name {}
  # Fine in explore customers; in explore orders, `orders` is joined, so this is fine too.
  dimension: first_order { sql: ${orders.id} ;; }
}
