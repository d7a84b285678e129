# Shared audit columns, extended by every table view.
view: timestamps {
  extension: required

  dimension_group: created {
    type: time
    timeframes: [raw, time, date, week, month, quarter, year]
    sql: ${TABLE}.created_at ;;
  }

  dimension_group: updated {
    type: time
    timeframes: [raw, date]
    sql: ${TABLE}.updated_at ;;
  }
}
