explore: orders {
  join: users {
    type : inner
    relationship :many_to_one
    sql_on : ${orders.user_id} = ${users.id} ;;
  }
  join: items {
    sql_on
      :
      ${items.order_id} = ${orders.id} ;;
  }
}
