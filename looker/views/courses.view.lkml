# The course catalog: every course is owned by one customer company.
# Prices and every measure over them are commercial data and need the `internal` grant.

view: courses {
  sql_table_name: public.courses ;;
  label: "Courses"

  dimension: id {
    primary_key: yes
    type: number
    label: "Course ID"
    description: "Unique identifier of the course."
    sql: ${TABLE}.id ;;
  }

  dimension: company_id {
    type: number
    label: "Company ID"
    description: "Company that owns the course."
    sql: ${TABLE}.company_id ;;
  }

  dimension: title {
    type: string
    label: "Course Title"
    description: "Title of the course, in the language it is taught in."
    sql: ${TABLE}.title ;;
  }

  dimension: category {
    type: string
    description: "Subject area: Compliance, Data, Leadership, Onboarding, Operations or Sales."
    sql: ${TABLE}.category ;;
  }

  dimension: status {
    type: string
    description: "Lifecycle status: draft (not yet published), published or archived (closed for enrollment)."
    sql: ${TABLE}.status ;;
  }

  dimension: is_published {
    type: yesno
    label: "Is Published"
    description: "Yes when the course is currently open for enrollment."
    sql: ${TABLE}.status = 'published' ;;
  }

  dimension: price {
    type: number
    label: "List Price"
    description: "List price of the course in US dollars. Internal only."
    required_access_grants: [internal]
    value_format_name: usd
    sql: ${TABLE}.price ;;
  }

  dimension_group: published {
    type: time
    label: "Published"
    description: "When the course was first published; empty for drafts."
    timeframes: [raw, time, date, week, month, quarter, year]
    datatype: timestamp
    convert_tz: no
    sql: ${TABLE}.published_at ;;
  }

  measure: count {
    type: count
    label: "Number of Courses"
    description: "Count of distinct courses."
    drill_fields: [detail*]
  }

  measure: published_count {
    type: count
    label: "Number of Published Courses"
    description: "Courses currently open for enrollment."
    filters: [status: "published"]
    drill_fields: [detail*]
  }

  measure: total_price {
    type: sum
    label: "Total List Price"
    description: "Sum of the list prices of the courses (each course counted once). Internal only."
    required_access_grants: [internal]
    value_format_name: usd
    sql: ${price} ;;
  }

  measure: average_price {
    type: average
    label: "Average List Price"
    description: "Average list price per course. Internal only."
    required_access_grants: [internal]
    value_format_name: usd
    sql: ${price} ;;
  }

  set: detail {
    fields: [id, title, category, status, published_date]
  }
}
