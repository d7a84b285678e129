explore: orders {
  aggregate_table: rollup_daily {
    query: {
      dimensions: [orders.created_date]
      measures: [orders.count, orders.total_amount]
      filters: [orders.created_date: "1 year"]
      timezone: "America/New_York"
    }
    materialization: {
      datagroup_trigger: nightly
      increment_key: "orders.created_date"
    }
  }
}
