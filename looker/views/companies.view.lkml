# Customer companies (tenants) of the learning platform: one row per company.

view: companies {
  sql_table_name: public.companies ;;
  label: "Companies"

  dimension: id {
    primary_key: yes
    type: number
    label: "Company ID"
    description: "Unique identifier of the customer company."
    sql: ${TABLE}.id ;;
  }

  dimension: name {
    type: string
    label: "Company Name"
    description: "Display name of the customer company."
    sql: ${TABLE}.name ;;
  }

  dimension: subdomain {
    type: string
    description: "Subdomain of the company's learning portal (<subdomain>.example.com)."
    sql: ${TABLE}.subdomain ;;
  }

  dimension: plan {
    type: string
    label: "Subscription Plan"
    description: "Commercial plan the company subscribes to: starter, business or enterprise. Internal only."
    required_access_grants: [internal]
    sql: ${TABLE}.plan ;;
  }

  dimension_group: created {
    type: time
    label: "Signed Up"
    description: "When the company signed up for the platform."
    timeframes: [raw, time, date, week, month, quarter, year]
    datatype: timestamp
    convert_tz: no
    sql: ${TABLE}.created_at ;;
  }

  measure: count {
    type: count
    label: "Number of Companies"
    description: "Count of distinct customer companies."
    drill_fields: [detail*]
  }

  set: detail {
    fields: [id, name, subdomain, created_date]
  }
}
