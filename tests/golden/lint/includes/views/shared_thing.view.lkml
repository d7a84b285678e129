view: shared_thing {
  dimension: id {
    primary_key: yes
  }
}
