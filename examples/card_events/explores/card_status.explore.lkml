# Cards recomputed from the event stream, with their owner and the ETL's row for the same card.

explore: card_status_base {
  extension: required
  view_name: card_latest_state

  join: users {
    type: left_outer
    relationship: many_to_one
    sql_on: ${card_latest_state.user_id} = ${users.user_id} ;;
  }

  join: warehouse_card {
    from: cards
    view_label: "Cards (warehouse)"
    type: left_outer
    relationship: one_to_one
    sql_on: ${card_latest_state.card_id} = ${warehouse_card.card_id} ;;
  }
}

explore: card_status {
  extends: [card_status_base]
  label: "Card Status"
  description: "Every card's latest state per user and issuing bank, with credit limits."
  required_access_grants: [risk]
}

explore: card_status_partner {
  extends: [card_status_base]
  label: "Card Status (Partner Bank)"
  description: "Cards of the bank in the user's `partner` attribute."
  required_access_grants: [ops]
  access_filter: {
    field: users.partner
    user_attribute: partner
  }
}
