connection: "warehouse"
include: "/*.view"

# Filters on explores are parsed for the type of the field they filter (LKML440-449).
explore: orders {
  always_filter: {
    filters: [orders.created_date: "last 90 dayz", orders.status: "-cancelled"]
  }
  conditionally_filter: {
    filters: [orders.amount: ">= 10 AND <"]
    unless: [orders.status]
  }
  join: customers {
    sql_on: ${orders.customer_id} = ${customers.id} ;;
    relationship: many_to_one
  }
}

# Valid forms, including the ones Looker takes that are easy to get wrong.
explore: orders_ok {
  from: orders
  always_filter: {
    filters: [orders_ok.created_date: "7 days ago for 7 days", orders_ok.is_paid: "Yes"]
  }
  conditionally_filter: {
    filters: [orders_ok.amount: "[10, 20)", orders_ok.status: "-NULL"]
  }
}

# Liquid values are only known per user: not checked.
explore: orders_liquid {
  from: orders
  always_filter: {
    filters: [orders_liquid.status: "{{ _user_attributes['status'] }}"]
  }
}
