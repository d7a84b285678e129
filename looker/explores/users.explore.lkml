# Users: one row per user of a customer company, with the company, the user's enrollments, the
# courses enrolled in and the certificates earned. The base explore holds the joins; the three
# explores below extend it with an access level each (see looker/README.md).

explore: users_base {
  extension: required
  view_name: users
  group_label: "Training Insights"
  view_label: "Users"

  join: companies {
    type: left_outer
    relationship: many_to_one
    sql_on: ${users.company_id} = ${companies.id} ;;
  }

  join: enrollments {
    type: left_outer
    relationship: one_to_many
    sql_on: ${users.id} = ${enrollments.user_id} ;;
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

explore: users_internal {
  extends: [users_base]
  label: "Users (Internal)"
  description: "All users of every customer company, with commercial fields. Platform staff only."
  required_access_grants: [internal]
}

explore: users_company {
  extends: [users_base]
  label: "Users (Company)"
  description: "Users of your company and their learning activity, with contact details."
  required_access_grants: [company]
  access_filter: {
    field: users.company_id
    user_attribute: company_id
  }
}

explore: users_client {
  extends: [users_base]
  label: "Users (Client)"
  description: "Users of your company and their learning activity, without personal data."
  required_access_grants: [client]
  access_filter: {
    field: users.company_id
    user_attribute: company_id
  }
  fields: [ALL_FIELDS*, -users.email, -users.last_name, -users.full_name]
}
