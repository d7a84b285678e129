# Access levels (user attribute `access_level`):
#
#   access_level   passes grants               may use
#   engineer       engineering, risk, ops      everything, including the raw event streams
#   risk           risk, ops                   card_status (all partners), credit limits
#   partner        ops                         card_status_partner, only the bank in its
#                                              `partner` attribute, no credit limits

access_grant: engineering {
  user_attribute: access_level
  allowed_values: ["engineer"]
}

access_grant: risk {
  user_attribute: access_level
  allowed_values: ["engineer", "risk"]
}

access_grant: ops {
  user_attribute: access_level
  allowed_values: ["engineer", "risk", "partner"]
}
