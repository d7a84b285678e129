view: orders {
  dimension: id {
    primary_key: yes
    type: number
  }

  dimension: amount {
    type: number
    sql: ${TABLE}.amount ;;
  }

  dimension: status {}

  # Good: counts, sums, filtered measures, number measures over measures.
  measure: count {}

  measure: complete_count {
    type: count
    filters: [status: "complete"]
  }

  measure: total {
    type: sum
    sql: ${amount} ;;
  }

  measure: average_order {
    type: number
    sql: ${total} / NULLIF(${count}, 0) ;;
  }

  measure: distinct_customers {
    type: count_distinct
    sql: ${TABLE}.customer_id ;;
  }

  measure: largest {
    type: number
    sql: MAX(${amount}) ;;
  }

  # Bad.
  measure: no_sql_sum {
    type: sum
  }

  measure: sum_of_measure {
    type: sum
    sql: ${total} ;;
  }

  measure: max_of_count {
    type: max
    sql: ${count} ;;
  }

  measure: doubled {
    type: number
    sql: ${amount} * 2 ;;
  }

  measure: distinct_total {
    type: sum_distinct
    sql: ${amount} ;;
  }

  measure: median_total {
    type: median
  }
}
