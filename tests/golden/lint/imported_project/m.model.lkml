connection: "db"
include: "//ga_block/views/*.view"
include: "/*.view"

# Views and explores of the imported project are unknown to lkml: warnings, not errors.
explore: sessions {
  join: events {
    relationship: one_to_many
    sql_on: ${sessions.id} = ${events.session_id} ;;
  }
  join: local_users {
    relationship: many_to_one
    sql_on: ${sessions.user_id} = ${local_users.id} ;;
  }
}

explore: +ga_sessions {
  label: "Sessions (refined)"
}

explore: local_users {
  extends: [ga_base_explore]
}
