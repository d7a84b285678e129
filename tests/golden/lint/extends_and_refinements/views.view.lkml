view: entity {
  extension: required
  dimension: id {
    primary_key: yes
    sql: ${TABLE}.id ;;
  }
}

view: users {
  extends: [entity]
  dimension: name {}
}

view: orders {
  extends: [entity]
}

view: a {
  extends: [b]
}

view: b {
  extends: [c]
}

view: c {
  extends: [a]
  dimension: x {}
}
