# Commands with their sender, device and the readings taken within 15 s after each. The
# readings join is one-to-many: command measures stay exact (fan-out-safe aggregates).

explore: commands_base {
  extension: required
  view_name: command_status

  join: users {
    type: left_outer
    relationship: many_to_one
    sql_on: ${command_status.user_id} = ${users.user_id} ;;
  }

  join: devices {
    type: left_outer
    relationship: many_to_one
    sql_on: ${command_status.device_id} = ${devices.device_id} ;;
  }

  join: command_readings {
    type: left_outer
    relationship: one_to_many
    sql_on: ${command_status.command_id} = ${command_readings.command_id} ;;
  }
}

explore: commands {
  extends: [commands_base]
  label: "Commands"
  description: "Every household's commands (support)."
  required_access_grants: [support]
}

explore: commands_resident {
  extends: [commands_base]
  label: "My Commands"
  description: "The commands of the household in the user's `user_id` attribute."
  required_access_grants: [household]
  access_filter: {
    field: command_status.user_id
    user_attribute: user_id
  }
}
