explore: order_items {
  view_name: order_items
  view_label: "Order Items"
  always_join: [users]
  sql_always_where: ${order_items.returned_date} IS NULL ;;
  join: users {
    type: left_outer
    relationship: many_to_one
    sql_on: ${order_items.user_id} = ${users.id} ;;
    fields: [users.id, users.name]
    required_joins: [orders]
  }
  join: inventory_items {
    type: full_outer
    relationship: one_to_one
    foreign_key: inventory_item_id
  }
  query: top_users {
    dimensions: [users.name]
    measures: [order_items.count]
    sorts: [order_items.count: desc]
    limit: 10
  }
}
