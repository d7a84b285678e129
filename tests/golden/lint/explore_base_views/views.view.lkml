view: base_entity {
  extension: required
  dimension: id { primary_key: yes }
}

view: orders {
  extends: [base_entity]
  dimension: status {}
}

view: returns {
  dimension: id { primary_key: yes }
}
