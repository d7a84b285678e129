# Companies: one row per customer company, with its users (and their enrollments and certificates)
# and its course catalog. The base explore holds the joins; the three explores below extend it with
# an access level each (see looker/README.md).
#
# `users` and `courses` are two independent one_to_many branches: a query that uses both pairs every
# user with every course of the company. Measures stay exact (symmetric aggregates), but to count
# enrollments per course use the Enrollments or Courses explore, where enrollments join courses.

explore: companies_base {
  extension: required
  view_name: companies
  group_label: "Training Insights"
  view_label: "Companies"

  join: users {
    type: left_outer
    relationship: one_to_many
    sql_on: ${companies.id} = ${users.company_id} ;;
  }

  join: courses {
    view_label: "Course Catalog"
    type: left_outer
    relationship: one_to_many
    sql_on: ${companies.id} = ${courses.company_id} ;;
  }

  join: enrollments {
    type: left_outer
    relationship: one_to_many
    sql_on: ${users.id} = ${enrollments.user_id} ;;
  }

  join: certificates {
    type: left_outer
    relationship: one_to_one
    sql_on: ${enrollments.id} = ${certificates.enrollment_id} ;;
  }
}

explore: companies_internal {
  extends: [companies_base]
  label: "Companies (Internal)"
  description: "Every customer company with its plan, users and catalog. Platform staff only."
  required_access_grants: [internal]
}

explore: companies_company {
  extends: [companies_base]
  label: "Companies (Company)"
  description: "Your company: its users, their learning activity and its course catalog."
  required_access_grants: [company]
  access_filter: {
    field: companies.id
    user_attribute: company_id
  }
}

explore: companies_client {
  extends: [companies_base]
  label: "Companies (Client)"
  description: "Your company: users, learning activity and catalog, without personal data."
  required_access_grants: [client]
  access_filter: {
    field: companies.id
    user_attribute: company_id
  }
  fields: [ALL_FIELDS*, -users.email, -users.last_name, -users.full_name]
}
