connection: "db"
include: "/*.view"

explore: orders {}                       # the view of the same name

explore: purchases {                     # from: fields are addressed as purchases.x
  from: orders
  sql_always_where: ${purchases.status} <> 'test' ;;
}

explore: legacy {                        # view_name: fields keep the view's name
  view_name: orders
  sql_always_where: ${orders.status} <> 'test' ;;
}

explore: wrong_alias {
  from: orders
  sql_always_where: ${orders.status} <> 'test' ;;
}

explore: shipments {}                    # no view shipments

explore: returns {
  from: retruns
}

explore: base_entity {}                  # an extension view

explore: entity_join {
  view_name: orders
  join: base_entity {
    relationship: many_to_one
    sql_on: ${orders.id} = ${base_entity.id} ;;
  }
}
