# Training Insights: analytics over the learning platform's warehouse (PostgreSQL, schema public).
# Every explore comes in three access levels (internal, company, client); see looker/README.md.

connection: "postgres"
label: "Training Insights"

include: "/models/ti_shared.lkml"
include: "/views/*.view.lkml"
include: "/explores/*.explore.lkml"
include: "/tests/*.lkml"
