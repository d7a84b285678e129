# The shop model: orders, their items and the customers who placed them.
connection: "warehouse"
label: "Shop"

include: "/shared/*.lkml"
include: "/views/**/*.view"
include: "/explores/*.explore"
