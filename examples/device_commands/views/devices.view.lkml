# Registered devices: a lock and a humidifier per household.

view: devices {
  sql_table_name: public.devices ;;
  label: "Devices"

  dimension: device_id {
    primary_key: yes
    type: string
    label: "Device ID"
    description: "Device identifier, e.g. lock-3."
    sql: ${TABLE}.device_id ;;
  }

  dimension: kind {
    type: string
    description: "lock or humidifier."
    sql: ${TABLE}.kind ;;
  }

  dimension: name {
    type: string
    description: "Name the user gave the device."
    sql: ${TABLE}.name ;;
  }

  measure: count {
    type: count
    label: "Number of Devices"
    description: "Devices."
  }
}
