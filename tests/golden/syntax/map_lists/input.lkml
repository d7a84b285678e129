explore: orders {
  sorts: [orders.created_date: desc, orders.id: asc]
  always_filter: {
    filters: [orders.status: "complete", users.state: "-CA", sql_flag: "yes", expr_date: "today"]
  }
  conditionally_filter: {
    filters: [orders.created_date: "30 days"]
    unless: [orders.id, users.id]
  }
}
