connection: "db"
include: "/*.view"
include: "/shared/grants.lkml"

explore: orders {
  required_access_grants: [sales]

  join: customers {
    relationship: many_to_one
    sql_on: ${orders.customer_id} = ${customers.id} ;;
    required_access_grants: [can_see_pii, markting]
  }
}

explore: orders_open {
  from: orders
  required_access_grants: []
}
