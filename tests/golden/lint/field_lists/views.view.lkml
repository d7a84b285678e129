view: orders {
  dimension: id { primary_key: yes }
  dimension: customer_id {}
  dimension: product_id {}
  dimension_group: created { timeframes: [date, month] sql: ${TABLE}.created_at ;; }
  measure: count {
    drill_fields: [detail*, customers.basic*]
  }
  measure: customer_count {
    type: count_distinct
    sql: ${customer_id} ;;
    drill_fields: [customers.nmae, customers.basics*]
  }
  set: detail {
    fields: [id, created_date, customers.name, products.title]
  }
  set: with_typos {
    fields: [id, creatd_date, created]
  }
}

view: customers {
  drill_fields: [id, name, emial]
  dimension: id { primary_key: yes }
  dimension: name {}
  dimension: email {}
  dimension: address {}
  set: basic {
    fields: [id, name]
  }
}

view: products {
  dimension: id { primary_key: yes }
  dimension: title {}
}
