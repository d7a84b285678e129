connection: "shop"
include: "/views/*.view.lkml"

explore: orders {
  join: customers {
    relationship: many_to_one
    sql_on: ${orders.customer_id} = ${customers.id} ;;
  }
  join: refunds {
    relationship: one_to_many
    sql_on: ${orders.id} = ${refunds.order_id} ;;
  }
}

explore: order_items {
  join: products {
    relationship: many_to_many
    sql_on: ${order_items.product_id} = ${products.id} ;;
  }
  join: product_reviews {
    relationship: one_to_many
    sql_on: ${products.id} = ${product_reviews.product_id} ;;
  }
}
