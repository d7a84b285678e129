# Freelancers registered on the marketplace.

view: users {
  sql_table_name: public.users ;;
  label: "Freelancers"

  dimension: user_id {
    primary_key: yes
    type: number
    label: "User ID"
    description: "Freelancer ID."
    sql: ${TABLE}.user_id ;;
  }

  dimension: username {
    type: string
    description: "Unique login name."
    sql: ${TABLE}.username ;;
  }

  dimension: display_name {
    type: string
    description: "Name shown on the profile."
    sql: ${TABLE}.display_name ;;
  }

  dimension: country {
    type: string
    description: "ISO country code of the freelancer."
    sql: ${TABLE}.country ;;
  }

  dimension_group: joined {
    type: time
    description: "When the freelancer signed up."
    timeframes: [raw, date, month, year]
    datatype: timestamp
    convert_tz: no
    sql: ${TABLE}.joined_at ;;
  }

  measure: count {
    type: count
    label: "Number of Freelancers"
    description: "Distinct freelancers."
    drill_fields: [user_id, username, country]
  }
}
