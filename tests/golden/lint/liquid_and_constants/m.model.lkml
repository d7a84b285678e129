connection: "@{connection_name}"
include: "/*.view"

explore: orders {
  sql_always_where: {% condition orders.status_filter %} ${orders.status} {% endcondition %} ;;
}
