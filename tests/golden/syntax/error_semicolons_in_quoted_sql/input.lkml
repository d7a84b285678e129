view: orders {
  dimension: flag {
    sql: CASE WHEN ${TABLE}.code = ';;' THEN 1 ELSE 0 END ;;
  }
}
