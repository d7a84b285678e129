test: order_count_is_positive {
  explore_source: orders {
    column: count { field: orders.count }
  }
  assert: positive {
    expression: ${orders.count} > 0 ;;
  }
  assert: not_null {
    expression: NOT is_null(${orders.count}) ;;
  }
}
