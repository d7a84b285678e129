connection: "db"
include: "/*.view"

explore: orders {
  always_join: [customers, regoins]

  join: customers {
    sql_on: ${orders.customer_id} = ${customers.id} ;;
  }

  join: regions {
    relationship: many_to_one
    sql_on: ${countries.region_id} = ${regions.id} ;;
  }

  join: countries {
    relationship: many_to_one
    sql_on: ${customers.country_id} = ${countries.id} ;;
  }

  join: coupons {
    relationship: many_to_one
  }

  join: notes {
    relationship: many_to_one
    foreign_key: note_id
  }

  join: customers {
    relationship: many_to_one
    sql_on: ${orders.customer_id} = ${customers.id} ;;
  }

  join: orders {
    relationship: one_to_one
    sql_on: 1 = 1 ;;
  }

  join: payments {
    relationship: one_to_many
    sql_on: ${orders.id} = ${payments.order_id} ;;
    required_joins: [countries]
  }

  join: calendar {
    type: cross
  }
}

explore: payments {
  join: orders {
    relationship: many_to_one
    foreign_key: order_id
  }

  join: audit_log {
    relationship: many_to_many
    sql_on: ${payments.id} = ${audit_log.payment_id} ;;
  }
}
