connection: "warehouse"
include: "/views/*.view.lkml"

explore: events {
  join: accounts {
    relationship: many_to_one
    sql_on: ${events.account_id} = ${accounts.id} ;;
  }
  join: owners {
    relationship: many_to_one
    sql_on: ${events.account_id} = ${owners.account_id} ;;
  }
}

explore: accounts {
  join: events {
    relationship: one_to_many
    sql_on: ${accounts.id} = ${events.account_id} ;;
  }
  join: regions {
    relationship: one_to_one
    sql_on: ${accounts.region} = ${regions.code} ;;
  }
}

explore: account_totals {
  join: top_accounts {
    relationship: one_to_one
    sql_on: ${account_totals.account_id} = ${top_accounts.account_id} ;;
  }
}

explore: broken_totals {}
