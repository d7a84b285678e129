# Courses: one row per course of the catalog, with the owning company, the enrollments in the
# course, the enrolled users and the certificates earned. The base explore holds the joins; the
# three explores below extend it with an access level each (see looker/README.md).

explore: courses_base {
  extension: required
  view_name: courses
  group_label: "Training Insights"
  view_label: "Courses"

  join: companies {
    type: left_outer
    relationship: many_to_one
    sql_on: ${courses.company_id} = ${companies.id} ;;
  }

  join: enrollments {
    type: left_outer
    relationship: one_to_many
    sql_on: ${courses.id} = ${enrollments.course_id} ;;
  }

  join: users {
    view_label: "Learners"
    type: left_outer
    relationship: many_to_one
    sql_on: ${enrollments.user_id} = ${users.id} ;;
  }

  join: certificates {
    type: left_outer
    relationship: one_to_one
    sql_on: ${enrollments.id} = ${certificates.enrollment_id} ;;
  }
}

explore: courses_internal {
  extends: [courses_base]
  label: "Courses (Internal)"
  description: "The course catalog of every customer company, with list prices. Platform staff only."
  required_access_grants: [internal]
}

explore: courses_company {
  extends: [courses_base]
  label: "Courses (Company)"
  description: "Your company's course catalog and who takes the courses, including drafts."
  required_access_grants: [company]
  access_filter: {
    field: courses.company_id
    user_attribute: company_id
  }
}

explore: courses_client {
  extends: [courses_base]
  label: "Courses (Client)"
  description: "Your company's published and archived courses, without personal data. Drafts are hidden."
  required_access_grants: [client]
  access_filter: {
    field: courses.company_id
    user_attribute: company_id
  }
  sql_always_where: ${courses.status} <> 'draft' ;;
  fields: [ALL_FIELDS*, -users.email, -users.last_name, -users.full_name]
}
