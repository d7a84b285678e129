# The raw event streams: volume per day and stream, rejected (malformed) events.

explore: events {
  view_name: all_events
  label: "Event Streams"
  description: "Every received event of both streams, valid or rejected."
  required_access_grants: [engineering]
}
