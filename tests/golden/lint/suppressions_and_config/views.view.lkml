view: orders {
  dimension: id { primary_key: yes }
  dimension: customer_id {}
  dimension: OrderDate {}  # lkml: disable=LKML254
  dimension: ShipDate {}
}
view: customers {
  dimension: id { primary_key: yes }
}
view: items {
  dimension: id { primary_key: yes }
  dimension: order_id {}
}
view: notes {
  dimension: id { primary_key: yes }
  dimension: order_id {}
}
view: tags {
  dimension: order_id {}
  measure: count {}
}
view: shipments {
  dimension: id { primary_key: yes }
  dimension: order_id {}
}
