view: orders {
  dimension_group: created {
    type: time
    timeframes: [raw, time, date, week, month, quarter, year]
    datatype: timestamp
    convert_tz: no
    sql: ${TABLE}.created_at ;;
  }
  dimension_group: duration_shipping {
    type: duration
    intervals: [day, hour]
    sql_start: ${created_raw} ;;
    sql_end: ${shipped_raw} ;;
  }
}
