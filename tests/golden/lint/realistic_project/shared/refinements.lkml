# Project-wide adjustments applied on top of the generated views.
view: +customers {
  dimension: email {
    required_access_grants: [can_see_pii]
  }
}

view: +orders {
  measure: revenue {
    required_access_grants: [can_see_revenue]
  }
}
