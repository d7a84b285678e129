view: user_order_facts {
  derived_table: {
    explore_source: orders {
      column: user_id { field: users.id }
      column: lifetime_orders { field: orders.count }
      derived_column: order_rank {
        sql: ROW_NUMBER() OVER (ORDER BY lifetime_orders DESC) ;;
      }
      bind_filters: {
        from_field: user_order_facts.region
        to_field: users.region
      }
      filters: [orders.status: "complete"]
      filters: [orders.created_date: "90 days"]
      timezone: query_timezone
    }
  }
}
