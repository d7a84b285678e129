view: literals {
  timezone: America/Los_Angeles
  other_zone: Etc/GMT+8
  precision: -2
  ratio: 0.5
  big: 1e9
  value_format: "$#,##0.00"
  value_format_name: decimal_2
  hidden: yes
  case_sensitive: no
  percentile: 95
  set_ref: detail*
  negated: -users.email
  refinement: +orders
}
