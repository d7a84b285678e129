view: local_users {
  extends: [ga_users_config]
  dimension: id { primary_key: yes }
  # A warning: `nmae` may be defined in the parent from the imported project.
  dimension: label { sql: ${nmae} ;; }
  dimension: name {}
}

view: local_orders {
  dimension: id { primary_key: yes }
  dimension: amount {}
  # Still an error: lkml sees all of this view, and it has no such field.
  dimension: doubled { sql: ${amuont} * 2 ;; }
}
