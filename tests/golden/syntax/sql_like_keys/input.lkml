view: keys {
  sql_table_name: a ;;
  dimension: d {
    sql_distinct_key: ${id} ;;
    sql_latitude: ${lat} ;;
    sql_longitude: ${lon} ;;
    expression: ${a} + ${b} ;;
    html: <p>{{ value }}</p> ;;
  }
  derived_table: {
    sql_trigger_value: SELECT MAX(id) FROM etl_log ;;
    sql: SELECT 1 ;;
  }
  explore_source_like: not_sql
  label: "sql: in a string ;;"
  # Any key starting with sql, html or expr opens a `;;` block, even an unknown one.
  sqlish_custom: anything { [ " goes ;;
}
explore: keys {
  sql_always_where: ${keys.deleted} = false ;;
  sql_always_having: ${keys.count} > 0 ;;
}
