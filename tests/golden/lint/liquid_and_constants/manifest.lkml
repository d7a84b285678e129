project_name: "liquid"

constant: schema {
  value: "analytics"
}

constant: connection_name {
  value: "warehouse"
}
