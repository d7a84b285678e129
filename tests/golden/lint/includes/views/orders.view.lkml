view: orders {
  dimension: id {
    primary_key: yes
  }
}
