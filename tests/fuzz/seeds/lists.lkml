explore: e {
  sorts: [created_date: desc, sql_flag: asc]
  filters: [status: "complete", users.state: "-CA",]
  fields: [ALL_FIELDS*, -users.email]
}
