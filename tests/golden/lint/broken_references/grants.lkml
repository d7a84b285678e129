access_grant: can_see_pii {
  user_attribute: department
  allowed_values: ["support"]
}
