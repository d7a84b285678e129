view: a {
  derived_table: {
    explore_source: orders {
      column: id { field: orders.id }
      derived_column: r { sql: ROW_NUMBER() OVER () ;; }
      bind_filters: { from_field: a.x to_field: orders.x }
    }
  }
}
