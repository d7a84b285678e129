# Enrollments: one row per enrollment, with the learner, the learner's company, the course and the
# certificate earned. The base explore holds the joins; the three explores below extend it with an
# access level each (see looker/README.md).

explore: enrollments_base {
  extension: required
  view_name: enrollments
  group_label: "Training Insights"
  view_label: "Enrollments"

  join: users {
    view_label: "Learners"
    type: left_outer
    relationship: many_to_one
    sql_on: ${enrollments.user_id} = ${users.id} ;;
  }

  join: companies {
    type: left_outer
    relationship: many_to_one
    sql_on: ${users.company_id} = ${companies.id} ;;
  }

  join: courses {
    type: left_outer
    relationship: many_to_one
    sql_on: ${enrollments.course_id} = ${courses.id} ;;
  }

  join: certificates {
    type: left_outer
    relationship: one_to_one
    sql_on: ${enrollments.id} = ${certificates.enrollment_id} ;;
  }
}

explore: enrollments_internal {
  extends: [enrollments_base]
  label: "Enrollments (Internal)"
  description: "All enrollments of every customer company, with commercial fields. Platform staff only."
  required_access_grants: [internal]
}

explore: enrollments_company {
  extends: [enrollments_base]
  label: "Enrollments (Company)"
  description: "Enrollments of your company's learners, with their contact details."
  required_access_grants: [company]
  access_filter: {
    field: users.company_id
    user_attribute: company_id
  }
}

explore: enrollments_client {
  extends: [enrollments_base]
  label: "Enrollments (Client)"
  description: "Enrollments of your company's learners, without personal data."
  required_access_grants: [client]
  access_filter: {
    field: users.company_id
    user_attribute: company_id
  }
  fields: [ALL_FIELDS*, -users.email, -users.last_name, -users.full_name]
}
