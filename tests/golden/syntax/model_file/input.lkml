connection: "warehouse"

include: "/views/*.view"
include: "/explores/**/*.explore"

datagroup: nightly {
  sql_trigger: SELECT CURRENT_DATE ;;
  max_cache_age: "24 hours"
}

persist_with: nightly
week_start_day: monday

explore: orders {
  label: "Orders"
  join: users {
    type: left_outer
    relationship: many_to_one
    sql_on: ${orders.user_id} = ${users.id} ;;
  }
  join: products {
    from: items
    view_label: "Products"
    relationship: many_to_one
    sql_on: ${orders.product_id} = ${products.id} ;;
  }
}
