connection: "db"
include: "/*.view"
conection: "other"
week_start_day: sunday

explore: orders {
  lable: "Orders"
  join: items {
    relationship: one_to_many
    sql_on: ${orders.id} = ${items.order_id} ;;
    type: left
    sql_onn: 1=1 ;;
  }
  hidden: maybe
}
