# Data tests of model `ti`: `lkml test looker --access-level internal --db URL` runs them on the
# warehouse (each assert must be yes on every row of its query).

test: every_company_has_users {
  explore_source: companies_internal {
    column: name { field: companies.name }
    column: users { field: users.count }
  }
  assert: at_least_one_user {
    expression: ${users.count} > 0 ;;
  }
}

test: completion_rate_is_a_share {
  explore_source: courses_internal {
    column: category { field: courses.category }
    column: completion_rate { field: enrollments.completion_rate }
    filters: [courses.status: "published"]
  }
  assert: between_0_and_1 {
    expression: is_null(${enrollments.completion_rate})
      OR (${enrollments.completion_rate} >= 0 AND ${enrollments.completion_rate} <= 1) ;;
  }
}
