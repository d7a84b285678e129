include: "/views/orders.view"

view: +orders {
  label: "Orders (refined)"
  dimension: status {
    description: "Refined description"
  }
  measure: +count {
    hidden: yes
  }
}

explore: +orders {
  always_filter: {
    filters: [orders.status: "complete"]
  }
}
