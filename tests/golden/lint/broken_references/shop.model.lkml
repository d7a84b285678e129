# Every kind of reference, each broken once by a typo. Each typo must give exactly one error
# that names the bad reference and suggests the right name.
connection: "warehouse"

include: "/views/*.view"
include: "/grants.lkml"

explore: orders_base {
  extension: required
  view_name: orders

  join: customers {
    relationship: many_to_one
    sql_on: ${orders.customer_id} = ${customers.id} ;;
  }
}

# 1. extends: a typo in the parent explore
explore: orders {
  extends: [orders_bsae]
  view_name: orders
}

# 2. from: a typo in the joined view
explore: orders_with_buyers {
  extends: [orders_base]
  join: buyers {
    from: custmers
    relationship: many_to_one
    sql_on: ${orders.customer_id} = ${buyers.id} ;;
  }
}

# 3. set*: a typo in a set name of an explore's field list
explore: orders_limited {
  extends: [orders_base]
  fields: [orders.id, customers.detial*]
}

# 4. required_access_grants: a typo in a grant name
explore: orders_restricted {
  extends: [orders_base]
  required_access_grants: [can_see_pi]
}

# 5. ${view.field}: a typo in a field of another view, in a join condition
explore: customers {
  join: orders {
    relationship: one_to_many
    sql_on: ${customers.id} = ${orders.custmer_id} ;;
  }
}

# 6. ${view.field}: a typo in a view name (an alias the explore does not have)
explore: orders_typo_view {
  extends: [orders_base]
  sql_always_where: ${ordres.status} <> 'test' ;;
}

# 7. a field name in a filter
explore: orders_filtered {
  extends: [orders_base]
  always_filter: {
    filters: [orders.stauts: "complete"]
  }
}

# 8. view_name: a typo in the base view
explore: legacy_orders {
  view_name: order
}

# 9. a refinement of a misspelt view
view: +customer {
  label: "Buyers"
}

# 10. required_joins: a typo in a join name
explore: orders_required {
  extends: [orders_base]
  join: regions {
    relationship: many_to_one
    sql_on: ${customers.region_id} = ${regions.id} ;;
    required_joins: [customer]
  }
}
