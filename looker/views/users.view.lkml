# People who belong to a customer company: admins, instructors and learners.
# Personal data (email, last name and the full name built from it) needs the `company` grant.

view: users {
  sql_table_name: public.users ;;
  label: "Users"

  dimension: id {
    primary_key: yes
    type: number
    label: "User ID"
    description: "Unique identifier of the user."
    sql: ${TABLE}.id ;;
  }

  dimension: company_id {
    type: number
    label: "Company ID"
    description: "Company the user belongs to."
    sql: ${TABLE}.company_id ;;
  }

  dimension: email {
    type: string
    description: "Work email address of the user. Personal data."
    required_access_grants: [company]
    sql: ${TABLE}.email ;;
  }

  dimension: first_name {
    type: string
    description: "Given name of the user."
    sql: ${TABLE}.first_name ;;
  }

  dimension: last_name {
    type: string
    description: "Family name of the user. Personal data."
    required_access_grants: [company]
    sql: ${TABLE}.last_name ;;
  }

  dimension: full_name {
    type: string
    description: "First and last name. Personal data, because it contains the last name."
    required_access_grants: [company]
    sql: ${first_name} || ' ' || ${last_name} ;;
  }

  dimension: role {
    type: string
    description: "Role of the user in the platform: admin, instructor or learner."
    sql: ${TABLE}.role ;;
  }

  dimension_group: created {
    type: time
    label: "Joined"
    description: "When the user account was created."
    timeframes: [raw, time, date, week, month, quarter, year]
    datatype: timestamp
    convert_tz: no
    sql: ${TABLE}.created_at ;;
  }

  dimension_group: last_login {
    type: time
    label: "Last Login"
    description: "Most recent login of the user; empty for invited users who never logged in."
    timeframes: [raw, time, date, week, month, quarter, year]
    datatype: timestamp
    convert_tz: no
    sql: ${TABLE}.last_login_at ;;
  }

  dimension: has_logged_in {
    type: yesno
    label: "Has Logged In"
    description: "Yes when the user has logged in at least once."
    sql: ${TABLE}.last_login_at IS NOT NULL ;;
  }

  measure: count {
    type: count
    label: "Number of Users"
    description: "Count of distinct users."
    drill_fields: [detail*]
  }

  measure: active_count {
    type: count
    label: "Number of Active Users"
    description: "Users who have logged in at least once."
    filters: [has_logged_in: "yes"]
    drill_fields: [detail*]
  }

  measure: company_count {
    type: count_distinct
    label: "Number of Companies with Users"
    description: "Distinct companies among the users in the result."
    sql: ${company_id} ;;
  }

  set: detail {
    fields: [id, first_name, role, created_date, last_login_date]
  }
}
