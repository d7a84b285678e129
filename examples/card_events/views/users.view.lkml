# Current state of users, as the ETL wrote it.

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

  dimension: email {
    type: string
    description: "Login e-mail address."
    required_access_grants: [risk]
    sql: ${TABLE}.email ;;
  }

  dimension: full_name {
    type: string
    description: "Name."
    sql: ${TABLE}.full_name ;;
  }

  dimension: partner {
    type: string
    description: "Issuing bank: acme_bank, nordbank or banco_sol."
    sql: ${TABLE}.partner ;;
  }

  measure: count {
    type: count
    label: "Number of Users"
    description: "Users."
  }
}
