view: orders {
  dimension: id { primary_key: yes }
  dimension: customer_id {}
  dimension: note_id {}
  measure: count {}
}
view: customers {
  dimension: id { primary_key: yes }
  dimension: country_id {}
}
view: countries {
  dimension: id { primary_key: yes }
  dimension: region_id {}
}
view: regions {
  dimension: id { primary_key: yes }
}
view: coupons {
  dimension: id { primary_key: yes }
}
view: notes {
  dimension: text {}
}
view: payments {
  dimension: id {}
  dimension: order_id {}
  measure: total { type: sum sql: ${TABLE}.amount ;; }
}
view: calendar {
  dimension: day {}
}
view: audit_log {
  dimension: payment_id {}
  measure: count {}
}
