# One row per user and calendar day from the first to the last day with a command, including
# days without commands (a generate_series calendar cross joined with the users).

view: user_command_days {
  derived_table: {
    sql:
      WITH bounds AS (
        SELECT MIN(sent_at)::date AS first_day, MAX(sent_at)::date AS last_day
        FROM ${command_status.SQL_TABLE_NAME}
      ), calendar AS (
        SELECT d::date AS day
        FROM bounds, generate_series(bounds.first_day, bounds.last_day, INTERVAL '1 day') AS g (d)
      )
      SELECT u.user_id, cal.day,
             COUNT(c.command_id) AS commands,
             COUNT(c.command_id) FILTER (WHERE c.status = 'succeeded') AS succeeded,
             COUNT(c.command_id) FILTER (WHERE c.status = 'failed') AS failed
      FROM calendar AS cal
      CROSS JOIN public.users AS u
      LEFT JOIN ${command_status.SQL_TABLE_NAME} AS c
        ON c.user_id = u.user_id AND c.sent_at >= cal.day AND c.sent_at < cal.day + 1
      GROUP BY u.user_id, cal.day ;;
  }
  label: "Daily Commands"

  dimension: pk {
    primary_key: yes
    hidden: yes
    type: string
    description: "user_id/day"
    sql: ${TABLE}.user_id || '/' || ${TABLE}.day ;;
  }

  dimension: user_id {
    type: number
    label: "User ID"
    description: "User."
    sql: ${TABLE}.user_id ;;
  }

  dimension_group: day {
    type: time
    description: "Calendar day."
    timeframes: [raw, date, week, month]
    datatype: date
    convert_tz: no
    sql: ${TABLE}.day ;;
  }

  dimension: commands {
    type: number
    description: "Commands the user sent that day (0 on quiet days)."
    sql: ${TABLE}.commands ;;
  }

  measure: total_commands {
    type: sum
    description: "Commands sent."
    sql: ${commands} ;;
  }

  measure: total_succeeded {
    type: sum
    description: "Commands that succeeded."
    sql: ${TABLE}.succeeded ;;
  }

  measure: total_failed {
    type: sum
    description: "Commands that failed."
    sql: ${TABLE}.failed ;;
  }

  measure: day_count {
    type: count
    label: "Number of Days"
    description: "User-days in the calendar."
  }

  measure: quiet_day_count {
    type: count
    label: "Number of Quiet Days"
    description: "User-days without any command."
    filters: [commands: "0"]
  }

  measure: average_commands_per_day {
    type: average
    description: "Average commands per user-day, quiet days included."
    value_format_name: decimal_2
    sql: ${commands} ;;
  }
}
