# device_commands: commands sent from the app to smart-home devices, their results and the
# device readings that confirm them, built from one raw telemetry table with JSON payloads.

connection: "postgres"
label: "Device Commands"

include: "/models/access_grants.lkml"
include: "/views/*.view.lkml"
include: "/explores/*.explore.lkml"
