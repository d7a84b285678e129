# card_events: card status per user, the two event streams per day, rejected events, and the
# gap between the ETL's current-state tables and the state recomputed from the raw events.

connection: "postgres"
label: "Card Events"

include: "/models/access_grants.lkml"
include: "/views/*.view.lkml"
include: "/explores/*.explore.lkml"
