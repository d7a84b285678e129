explore: orders {
  fields: [ALL_FIELDS*, -users.email, -users.phone]
  empty_list: []
  empty_with_space: [ ]
  trailing_comma: [a, b,]
  multi_line: [
    orders.id,
    orders.status,
    users.detail*,
  ]
  quoted: ["a b", "c,d", "e]f"]
  mixed: [plain, "quoted", +refinement, 42, -1.5]
}
