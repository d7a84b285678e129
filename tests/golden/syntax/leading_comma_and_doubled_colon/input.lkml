# Two forms real projects use that Looker and both open-source LookML parsers accept:
# a list with a leading comma, and a parameter written with two colons (LKML115 warning).
view: orders {
  drill_fields: [, id, status]
  measure:: total {
    type: sum
    sql: ${TABLE}.amount ;;
    filters: [, status: "complete"]
  }
  dimension: status {}
}
explore: orders {
  fields: [
    , orders.id
    , orders.status
  ]
}
