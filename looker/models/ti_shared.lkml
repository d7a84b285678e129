# Access grants shared by the Training Insights model. They read the user attribute
# `access_level` and are additive: every level also passes the grants of the levels below it.
#
#   access_level   passes grants
#   internal       internal, company, client
#   company        company, client
#   client         client

access_grant: internal {
  user_attribute: access_level
  allowed_values: ["internal"]
}

access_grant: company {
  user_attribute: access_level
  allowed_values: ["internal", "company"]
}

access_grant: client {
  user_attribute: access_level
  allowed_values: ["internal", "company", "client"]
}
