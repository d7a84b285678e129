view: base_events {
  extension: required
  dimension: id {
    primary_key: yes
    sql: ${TABLE}.id ;;
  }
}

view: page_events {
  extends: [base_events]
  sql_table_name: events.pages ;;
}

view: multi {
  extends: [base_events, page_events]
  extends: [another]
}

explore: page_events {
  extends: [base_explore]
  view_name: page_events
}
