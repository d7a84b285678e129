view: orders {
  measure: completed_count {
    type: count
    filters: {
      field: status
      value: "complete"
    }
    filters: { field: created_date value: "7 days" }
  }
  measure: new_style {
    type: count
    filters: [status: "complete", created_date: "7 days"]
  }
}
