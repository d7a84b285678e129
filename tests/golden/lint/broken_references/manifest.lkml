project_name: "broken"

constant: schema {
  value: "analytics"
}
