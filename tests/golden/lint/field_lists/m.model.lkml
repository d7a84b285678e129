connection: "db"
include: "/*.view"

explore: orders {
  fields: [ALL_FIELDS*, -customers.email, -customers.phone, orders.detial*]

  join: customers {
    relationship: many_to_one
    sql_on: ${orders.customer_id} = ${customers.id} ;;
    fields: [customers.basic*, customers.email, customers.adress]
  }

  join: products {
    relationship: many_to_one
    sql_on: ${orders.product_id} = ${products.id} ;;
    fields: []
  }
}

explore: orders_minimal {
  from: orders
  fields: [orders_minimal.id, orders_minimal.count, customer.name]
}
