view: metrics {
  parameter: metric {
    type: unquoted
    allowed_value: {
      label: "Revenue"
      value: "revenue"
    }
    allowed_value: {
      label: "Orders"
      value: "orders"
    }
    default_value: "revenue"
  }
  measure: dynamic {
    type: sum
    sql: ${TABLE}.{% parameter metric %} ;;
    label_from_parameter: metric
  }
}
