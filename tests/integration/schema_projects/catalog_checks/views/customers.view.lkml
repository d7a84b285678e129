view: customers {
  sql_table_name: sales.customers ;;

  dimension: id {
    primary_key: yes
    type: number
    sql: ${TABLE}.id ;;
  }

  dimension: name {
    sql: ${TABLE}.nme ;;
  }

  dimension: is_vip {
    type: yesno
    sql: ${TABLE}.is_vip ;;
  }

  dimension: external_id {
    type: number
    sql: ${TABLE}.external_id ;;
  }

  dimension_group: signup {
    type: time
    timeframes: [date, month]
    datatype: date
    sql: ${TABLE}.signup_date ;;
  }
}
