# App users (one household each).

view: users {
  sql_table_name: public.users ;;
  label: "Users"

  dimension: user_id {
    primary_key: yes
    type: number
    label: "User ID"
    description: "User."
    sql: ${TABLE}.user_id ;;
  }

  dimension: name {
    type: string
    description: "Display name."
    sql: ${TABLE}.name ;;
  }

  measure: count {
    type: count
    label: "Number of Users"
    description: "Users."
  }
}
