# Certificates: one row per certificate, with the enrollment it was earned in, the learner, the
# learner's company and the course. The base explore holds the joins; the three explores below
# extend it with an access level each (see looker/README.md).

explore: certificates_base {
  extension: required
  view_name: certificates
  group_label: "Training Insights"
  view_label: "Certificates"

  join: enrollments {
    type: left_outer
    relationship: one_to_one
    sql_on: ${certificates.enrollment_id} = ${enrollments.id} ;;
  }

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
}

explore: certificates_internal {
  extends: [certificates_base]
  label: "Certificates (Internal)"
  description: "Certificates of every customer company, with commercial fields. Platform staff only."
  required_access_grants: [internal]
}

explore: certificates_company {
  extends: [certificates_base]
  label: "Certificates (Company)"
  description: "Certificates earned by your company's learners, with their contact details."
  required_access_grants: [company]
  access_filter: {
    field: users.company_id
    user_attribute: company_id
  }
}

explore: certificates_client {
  extends: [certificates_base]
  label: "Certificates (Client)"
  description: "Certificates earned by your company's learners, without personal data."
  required_access_grants: [client]
  access_filter: {
    field: users.company_id
    user_attribute: company_id
  }
  fields: [ALL_FIELDS*, -users.email, -users.last_name, -users.full_name]
}
