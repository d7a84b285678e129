view: accounts {
  sql_table_name: public.accounts ;;

  dimension: id {
    primary_key: yes
    type: number
    sql: ${TABLE}.id ;;
  }

  dimension: region {
    sql: ${TABLE}.region ;;
  }
}

view: events {
  sql_table_name: public.events ;;

  dimension: id {
    primary_key: yes
    type: number
    sql: ${TABLE}.id ;;
  }

  dimension: account_id {
    type: number
    sql: ${TABLE}.account_id ;;
  }

  measure: total_amount {
    type: sum
    sql: ${TABLE}.amount ;;
  }
}

view: regions {
  sql_table_name: public.regions ;;

  dimension: code {
    sql: ${TABLE}.code ;;
  }
}

view: owners {
  sql_table_name: public.owners ;;

  dimension: account_id {
    primary_key: yes
    type: number
    sql: ${TABLE}.account_id ;;
  }
}
