access_grant: can_see_salary {
  user_attribute: department
  allowed_values: ["hr", "finance"]
}

access_grant: admins_only {
  user_attribute: role
  allowed_values: ["admin"]
}

explore: employees {
  required_access_grants: [can_see_salary]
  access_filter: {
    field: employees.region
    user_attribute: region
  }
  access_filter: {
    field: employees.country
    user_attribute: country
  }
}

view: employees {
  dimension: salary {
    type: number
    required_access_grants: [can_see_salary, admins_only]
    sql: ${TABLE}.salary ;;
  }
}
