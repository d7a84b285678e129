connection: "pg"
include: "/views/*.view"
explore: orders {
  join: users {
    type: left_outer
    relationship: many_to_one
    sql_on: ${orders.user_id} = ${users.id};;
  }
  access_filter: { field: users.region user_attribute: region }
}
access_grant: can_see { user_attribute: dept allowed_values: ["a", "b"] }
