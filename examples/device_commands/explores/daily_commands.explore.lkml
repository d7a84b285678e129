# Commands per user and day, with a row for every day (quiet days count 0).

explore: daily_commands_base {
  extension: required
  view_name: user_command_days

  join: users {
    type: left_outer
    relationship: many_to_one
    sql_on: ${user_command_days.user_id} = ${users.user_id} ;;
  }
}

explore: daily_commands {
  extends: [daily_commands_base]
  label: "Daily Commands"
  description: "Commands per user and day, every household (support)."
  required_access_grants: [support]
}

explore: daily_commands_resident {
  extends: [daily_commands_base]
  label: "My Daily Commands"
  description: "Commands per day of the household in the user's `user_id` attribute."
  required_access_grants: [household]
  access_filter: {
    field: user_command_days.user_id
    user_attribute: user_id
  }
}
