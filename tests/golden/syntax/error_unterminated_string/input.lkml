view: orders {
  dimension: id {
    label: "Order ID
    type: number
  }
}
