view: account_totals {
  derived_table: {
    sql: SELECT account_id, SUM(amount) AS total
      FROM ${events.SQL_TABLE_NAME}
      GROUP BY 1 ;;
  }

  dimension: account_id {
    primary_key: yes
    type: number
    sql: ${TABLE}.account_id ;;
  }

  dimension: total {
    type: number
    sql: ${TABLE}.totl ;;
  }
}

view: top_accounts {
  derived_table: {
    sql: SELECT account_id, total FROM ${account_totals.SQL_TABLE_NAME} WHERE total > 5 ;;
  }

  dimension: account_id {
    primary_key: yes
    type: number
    sql: ${TABLE}.account_id ;;
  }
}

view: broken_totals {
  derived_table: {
    sql: SELECT account_id, SUM(amout) AS total FROM public.events GROUP BY 1 ;;
  }

  dimension: account_id {
    primary_key: yes
    type: number
    sql: ${TABLE}.account_id ;;
  }
}
