label: "first"
label: "second"
view: a {
  description: "one"
  description: "two"
  dimension: x {}
  dimension: y {}
}
view: b {}
