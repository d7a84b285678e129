# Access levels (user attribute `access_level`):
#
#   access_level   passes grants          may use
#   support        support, household     every explore, every household, raw JSON payloads
#   resident       household              `*_resident` explores, only the household in its
#                                         `user_id` attribute, no raw payloads

access_grant: support {
  user_attribute: access_level
  allowed_values: ["support"]
}

access_grant: household {
  user_attribute: access_level
  allowed_values: ["support", "resident"]
}
