connection: "db"
include: "/*.view"

explore: events {
  always_filter: {
    filters: [events.occurred: "7 days"]
  }
  sql_always_where: ${occurred_date} > '2020-01-01' ;;
}
