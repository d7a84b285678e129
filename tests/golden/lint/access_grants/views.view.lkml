view: orders {
  required_access_grants: [sale]
  dimension: id { primary_key: yes }
  dimension: customer_id {}
  measure: revenue {
    type: sum
    sql: ${TABLE}.amount ;;
    required_access_grants: [finance]
  }
}

view: customers {
  dimension: id { primary_key: yes }
  dimension: email {
    required_access_grants: [can_see_pii]
  }
  dimension_group: birth {
    type: time
    timeframes: [date, year]
    required_access_grants: [can_see_pi]
    sql: ${TABLE}.birth_date ;;
  }
}
