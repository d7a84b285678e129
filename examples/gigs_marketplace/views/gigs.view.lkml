# Gigs offered by freelancers. Budgets are commercial data: they need the `finance` grant.

view: gigs {
  sql_table_name: public.gigs ;;
  label: "Gigs"

  dimension: gig_id {
    primary_key: yes
    type: number
    label: "Gig ID"
    description: "Gig ID."
    sql: ${TABLE}.gig_id ;;
  }

  dimension: user_id {
    hidden: yes
    type: number
    description: "Freelancer offering the gig."
    sql: ${TABLE}.user_id ;;
  }

  dimension: title {
    type: string
    description: "Gig title."
    sql: ${TABLE}.title ;;
  }

  dimension: status {
    type: string
    description: "open, in_progress, completed or cancelled."
    sql: ${TABLE}.status ;;
  }

  dimension: budget {
    type: number
    description: "Budget in EUR; empty when the budget is on request."
    value_format_name: eur
    required_access_grants: [finance]
    sql: ${TABLE}.budget ;;
  }

  dimension_group: posted {
    type: time
    description: "When the gig was posted."
    timeframes: [raw, date, month, quarter]
    datatype: timestamp
    convert_tz: no
    sql: ${TABLE}.posted_at ;;
  }

  measure: count {
    type: count
    label: "Number of Gigs"
    description: "Distinct gigs."
    drill_fields: [gig_id, title, status]
  }

  measure: completed_count {
    type: count
    label: "Number of Completed Gigs"
    description: "Distinct gigs with status completed."
    filters: [status: "completed"]
  }

  measure: total_budget {
    type: sum
    description: "Sum of the budgets of distinct gigs."
    value_format_name: eur
    required_access_grants: [finance]
    sql: ${budget} ;;
  }

  measure: completed_budget {
    type: sum
    description: "Sum of the budgets of distinct completed gigs."
    value_format_name: eur
    required_access_grants: [finance]
    filters: [status: "completed"]
    sql: ${budget} ;;
  }

  measure: average_budget {
    type: average
    description: "Average budget of distinct gigs that have one."
    value_format_name: eur
    required_access_grants: [finance]
    sql: ${budget} ;;
  }
}
