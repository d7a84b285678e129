# Only orders: the customers view is not included in this model.
include: "/views/orders.view"

explore: orders {
  join: customers {
    relationship: many_to_one
    sql_on: ${orders.customer_id} = ${customers.id} ;;
  }
}
