# A second model over the same views, for the operations team.
connection: "warehouse"

include: "/shared/*.lkml"
include: "/views/*.view"

explore: inventory {
  from: products
  label: "Inventory"
}
