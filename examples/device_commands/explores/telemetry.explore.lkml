# The raw table, to see what the deduplication removes.

explore: telemetry {
  label: "Raw Telemetry"
  description: "Raw rows, duplicates included (support)."
  required_access_grants: [support]
}
