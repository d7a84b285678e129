view: café_orders {
  label: "Café 日本語 😀"
  dimension: straße {
    label: "Straße"
    description: "Страна — country"
    sql: ${TABLE}."straße" ;;
  }
  dimension: emoji {
    html: <span title="✓">{{ value }} 🚀</span> ;;
  }
}
