# A user taking a course. Retaking a course creates a new enrollment, so a user can have several
# enrollments in the same course. Completed enrollments have progress 100; graded courses give a
# score from 0 to 100 (70 passes); onboarding courses are ungraded.

view: enrollments {
  sql_table_name: public.enrollments ;;
  label: "Enrollments"

  dimension: id {
    primary_key: yes
    type: number
    label: "Enrollment ID"
    description: "Unique identifier of the enrollment."
    sql: ${TABLE}.id ;;
  }

  dimension: user_id {
    type: number
    label: "User ID"
    description: "User (learner) who enrolled."
    sql: ${TABLE}.user_id ;;
  }

  dimension: course_id {
    type: number
    label: "Course ID"
    description: "Course the user enrolled in."
    sql: ${TABLE}.course_id ;;
  }

  dimension_group: enrolled {
    type: time
    label: "Enrolled"
    description: "When the user enrolled in the course."
    timeframes: [raw, time, date, week, month, quarter, year]
    datatype: timestamp
    convert_tz: no
    sql: ${TABLE}.enrolled_at ;;
  }

  dimension_group: completed {
    type: time
    label: "Completed"
    description: "When the user completed the course; empty while the enrollment is open."
    timeframes: [raw, time, date, week, month, quarter, year]
    datatype: timestamp
    convert_tz: no
    sql: ${TABLE}.completed_at ;;
  }

  dimension_group: to_completion {
    type: duration
    label: "Time to Completion"
    description: "Time from enrollment to completion; empty for enrollments not completed."
    intervals: [hour, day, week]
    sql_start: ${enrolled_raw} ;;
    sql_end: ${completed_raw} ;;
  }

  dimension: is_completed {
    type: yesno
    label: "Is Completed"
    description: "Yes when the user has completed the course."
    sql: ${TABLE}.completed_at IS NOT NULL ;;
  }

  dimension: progress_percent {
    type: number
    label: "Progress (%)"
    description: "Share of the course the user has worked through, 0 to 100."
    sql: ${TABLE}.progress_percent ;;
  }

  dimension: score {
    type: number
    description: "Final score from 0 to 100; empty for ungraded courses and for enrollments not graded yet."
    value_format_name: decimal_2
    sql: ${TABLE}.score ;;
  }

  dimension: is_passed {
    type: yesno
    label: "Is Passed"
    description: "Yes when the enrollment was graded with a score of at least 70."
    sql: ${TABLE}.score >= 70 ;;
  }

  measure: count {
    type: count
    label: "Number of Enrollments"
    description: "Count of distinct enrollments."
    drill_fields: [detail*]
  }

  measure: completed_count {
    type: count
    label: "Number of Completions"
    description: "Enrollments the user has completed."
    filters: [is_completed: "yes"]
    drill_fields: [detail*]
  }

  measure: passed_count {
    type: count
    label: "Number of Passes"
    description: "Enrollments graded with a score of at least 70."
    filters: [is_passed: "yes"]
    drill_fields: [detail*]
  }

  measure: completion_rate {
    type: number
    label: "Completion Rate"
    description: "Completed enrollments divided by all enrollments."
    value_format_name: percent_1
    sql: 1.0 * ${completed_count} / NULLIF(${count}, 0) ;;
  }

  measure: learner_count {
    type: count_distinct
    label: "Number of Learners"
    description: "Distinct users with at least one enrollment."
    sql: ${user_id} ;;
  }

  measure: average_score {
    type: average
    label: "Average Score"
    description: "Average final score of the graded enrollments."
    value_format_name: decimal_2
    sql: ${score} ;;
  }

  measure: best_score {
    type: max
    label: "Best Score"
    description: "Highest final score."
    value_format_name: decimal_2
    sql: ${score} ;;
  }

  measure: average_progress {
    type: average
    label: "Average Progress (%)"
    description: "Average progress of the enrollments, 0 to 100."
    value_format_name: decimal_1
    sql: ${progress_percent} ;;
  }

  measure: average_days_to_completion {
    type: average
    label: "Average Days to Completion"
    description: "Average number of whole days from enrollment to completion, over completed enrollments."
    value_format_name: decimal_1
    sql: ${days_to_completion} ;;
  }

  set: detail {
    fields: [id, enrolled_date, users.first_name, courses.title, progress_percent, score, completed_date]
  }
}
