view: orders {
  dimension id {
    type: number
  }
  label "Orders"
}
