view: compact {
  dimension: a {sql:${TABLE}.a;;type:number}
  dimension: b {
    sql: ${TABLE}.b;;
    html:<b>{{value}}</b>;;
  }
  sql_table_name:schema.compact;;
}
