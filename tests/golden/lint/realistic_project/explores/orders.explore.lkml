explore: orders_base {
  extension: required
  view_name: orders

  join: customers {
    type: left_outer
    relationship: many_to_one
    sql_on: ${orders.customer_id} = ${customers.id} ;;
  }

  join: order_items {
    type: left_outer
    relationship: one_to_many
    sql_on: ${orders.id} = ${order_items.order_id} ;;
  }

  join: products {
    type: left_outer
    relationship: many_to_one
    sql_on: ${order_items.product_id} = ${products.id} ;;
  }
}

explore: orders {
  extends: [orders_base]
  label: "Orders"
  always_filter: {
    filters: [orders.created_date: "90 days"]
  }
}

explore: orders_support {
  extends: [orders_base]
  label: "Orders (Support)"
  required_access_grants: [can_see_pii]
  fields: [ALL_FIELDS*, -orders.revenue, -order_items.total_sale_price]
  access_filter: {
    field: customers.country
    user_attribute: country
  }
}

explore: +orders {
  join: buyers {
    from: customers
    relationship: many_to_one
    sql_on: ${orders.customer_id} = ${buyers.id} ;;
    fields: [buyers.name, buyers.country]
  }
}
