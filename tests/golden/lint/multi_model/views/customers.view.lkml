view: customers {
  dimension: id { primary_key: yes }
}
