view: users {
  set: detail {
    fields: [id, name, email, orders.count]
  }
  set: minimal { fields: [id] }
  measure: count {
    type: count
    drill_fields: [detail*, minimal*]
  }
}
