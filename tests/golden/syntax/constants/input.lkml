project_name: "marketing"

constant: schema {
  value: "analytics_prod"
  export: override_optional
}

constant: connection_name {
  value: "bigquery"
}

view: campaigns {
  sql_table_name: `@{schema}.campaigns` ;;
  label: "@{schema} campaigns"
  dimension: id {
    sql: ${TABLE}.id ;;
    group_label: @{group}
  }
}
