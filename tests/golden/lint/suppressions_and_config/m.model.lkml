# lkml.json: unused grants are fine here (LKML213 off), fan-out without a key is an error
# (LKML210), and field names must be lower snake_case (LKML254, an opt-in style rule).
connection: "db"
include: "/*.view"

access_grant: spare {
  user_attribute: x allowed_values: ["y"]
}

explore: orders {
  # lkml: disable=LKML209
  join: customers {
    sql_on: ${orders.customer_id} = ${customers.id} ;;
  }

  join: items {  # lkml: disable=LKML209
    sql_on: ${orders.id} = ${items.order_id} ;;
  }

  join: notes {
    sql_on: ${orders.id} = ${notes.order_id} ;;
  }

  join: tags {
    relationship: one_to_many
    sql_on: ${orders.id} = ${tags.order_id} ;;
  }

  join: shipments {
    relationship: one_to_many
    sql_on: ${orders.id} = ${shipments.order_id} ;;
  }
}
