view: events {
  dimension: id {
    primary_key: yes
  }

  dimension_group: occurred {
    type: time
    timeframes: [raw, time, date, week, month, quarter, year, hour_of_day, day_of_week]
    sql: ${TABLE}.occurred_at ;;
  }

  dimension_group: handled {
    type: duration
    intervals: [minute, hour, day]
    sql_start: ${occurred_raw} ;;
    sql_end: ${TABLE}.handled_at ;;
  }

  dimension_group: typo {
    type: time
    timeframes: [date, mnoth, yaer]
    sql: ${TABLE}.x ;;
  }

  dimension_group: bad_duration {
    type: duration
    intervals: [days, hour]
    sql_start: ${occurred} ;;
    sql_end: ${TABLE}.y ;;
  }

  dimension_group: wrong_type {
    type: timestamp
    sql: ${TABLE}.z ;;
  }

  dimension: occurred_date {
    sql: ${TABLE}.occurred_at::date ;;
  }

  dimension: slow {
    type: yesno
    sql: ${hours_handled} > 24 ;;
  }

  dimension: month_label {
    sql: TO_CHAR(${occurred_month}, 'Mon') ;;
  }

  measure: average_minutes_to_handle {
    type: average
    sql: ${minutes_handled} ;;
  }
}
