include: "/views/base/timestamps.view"

view: customers {
  extends: [timestamps]
  sql_table_name: @{schema}.customers ;;

  dimension: id {
    primary_key: yes
    hidden: yes
    type: number
    sql: ${TABLE}.id ;;
  }

  dimension: name {
    type: string
    sql: ${TABLE}.name ;;
  }

  dimension: email {
    type: string
    sql: ${TABLE}.email ;;
  }

  dimension: country {
    type: string
    sql: ${TABLE}.country ;;
    drill_fields: [name, email]
  }

  measure: count {
    type: count
    drill_fields: [detail*]
  }

  set: detail {
    fields: [id, name, country, created_date]
  }
}
