view: a {
  dimension: x {
    type:
  }
  "quoted key": 1
  measure: y { type: count }
}
view: b {
  fields: [a b c]
  label: "ok"
}
view: c {
  sql: unterminated
