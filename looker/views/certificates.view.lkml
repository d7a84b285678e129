# Certificates issued for passed enrollments: at most one per enrollment. Compliance certificates
# expire after one year, data certificates after two; the others never expire.

view: certificates {
  sql_table_name: public.certificates ;;
  label: "Certificates"

  dimension: id {
    primary_key: yes
    type: number
    label: "Certificate ID"
    description: "Unique identifier (serial number) of the certificate."
    sql: ${TABLE}.id ;;
  }

  dimension: enrollment_id {
    type: number
    label: "Enrollment ID"
    description: "Enrollment the certificate was issued for (unique)."
    sql: ${TABLE}.enrollment_id ;;
  }

  dimension_group: issued {
    type: time
    label: "Issued"
    description: "When the certificate was issued."
    timeframes: [raw, time, date, week, month, quarter, year]
    datatype: timestamp
    convert_tz: no
    sql: ${TABLE}.issued_at ;;
  }

  dimension_group: expires {
    type: time
    label: "Expires"
    description: "When the certificate expires; empty for certificates that never expire."
    timeframes: [raw, time, date, week, month, quarter, year]
    datatype: timestamp
    convert_tz: no
    sql: ${TABLE}.expires_at ;;
  }

  dimension: is_lifetime {
    type: yesno
    label: "Is Lifetime"
    description: "Yes when the certificate never expires."
    sql: ${TABLE}.expires_at IS NULL ;;
  }

  measure: count {
    type: count
    label: "Number of Certificates"
    description: "Count of distinct certificates."
    drill_fields: [detail*]
  }

  measure: lifetime_count {
    type: count
    label: "Number of Lifetime Certificates"
    description: "Certificates that never expire."
    filters: [is_lifetime: "yes"]
    drill_fields: [detail*]
  }

  measure: certified_learner_count {
    type: count_distinct
    label: "Number of Certified Learners"
    description: "Distinct users holding at least one certificate."
    sql: ${enrollments.user_id} ;;
  }

  set: detail {
    fields: [id, issued_date, expires_date, users.first_name, courses.title]
  }
}
