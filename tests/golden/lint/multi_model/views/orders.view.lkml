view: orders {
  dimension: id { primary_key: yes }
  dimension: customer_id {}
  # An error in a view shared by both models is reported once.
  dimension: total { sql: ${amont} ;; }
  dimension: amount {}
}
