view: orders {
  dimension: id {
    type: number
  }
}
}
view: users {}
