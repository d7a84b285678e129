include: "/views/orders.view"  # already included: each file is read once
view: items {
  dimension: id {
    primary_key: yes
  }
}
