access_grant: sales {
  user_attribute: department
  allowed_values: ["sales", "finance"]
}

access_grant: can_see_pii {
  user_attribute: pii_level
  allowed_values: ["full"]
}

access_grant: marketing {
  user_attribute: department
  allowed_values: ["marketing"]
}

access_grant: forgotten {
  user_attribute: department
  allowed_values: ["legal"]
}

access_grant: no_attribute {
  allowed_values: ["x"]
}
