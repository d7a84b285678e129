view: orders {
  dimension: id {
    type:
  }
  measure: count { type: count }
}
