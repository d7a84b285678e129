connection: "warehouse"
include: "/*.view"

explore: events {
  sql_always_where: {% if events.kind._is_filtered %} 1=1 {% else %} ${events.kind} <> 'test' {% endif %} ;;
  join: users {
    sql_on: ${events.user_id} = ${users.id} {% if users.id._in_query %}AND TRUE{% endif ;;
    relationship: many_to_one
  }
}
