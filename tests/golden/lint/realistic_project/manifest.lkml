project_name: "shop"

constant: schema {
  value: "analytics"
}
