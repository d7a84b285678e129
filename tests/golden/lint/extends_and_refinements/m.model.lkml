connection: "db"
include: "/views.view"
include: "/refine/*.lkml"

explore: base_explore {
  extension: required
  view_name: users
}

explore: users_explore {
  extends: [base_explore]
}

# A defaulted base view (the explore's own name) is not inherited: Looker looks for `orders_ext`.
explore: orders {
  extension: required
}

explore: orders_ext {
  extends: [orders]
}

explore: loop_a {
  extends: [loop_b]
  view_name: users
}

explore: loop_b {
  extends: [loop_a]
  view_name: users
}

# An extension view cannot be explored.
explore: entity {}

explore: +users_explore {
  final: yes
  label: "Users"
}
