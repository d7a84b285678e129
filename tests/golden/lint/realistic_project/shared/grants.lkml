access_grant: can_see_pii {
  user_attribute: department
  allowed_values: ["support", "finance"]
}

access_grant: can_see_revenue {
  user_attribute: department
  allowed_values: ["finance"]
}
