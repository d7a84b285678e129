# Access levels (user attribute `access_level`):
#
#   access_level   passes grants            sees
#   admin          finance, marketplace     everything, every country
#   finance        finance, marketplace     budgets; the partner explore still needs `country`
#   partner        marketplace              only `*_partner` explores, only its `country`,
#                                           no budgets

access_grant: finance {
  user_attribute: access_level
  allowed_values: ["admin", "finance"]
}

access_grant: marketplace {
  user_attribute: access_level
  allowed_values: ["admin", "finance", "partner"]
}

access_grant: admin {
  user_attribute: access_level
  allowed_values: ["admin"]
}
