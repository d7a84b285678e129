# File header comment
# spanning two lines
view: orders { # after the opening brace
  # before a member
  label: "Orders # not a comment" # after a string
  sql_table_name: orders # this is SQL, not a comment ;; # after the SQL block
  fields_hidden_by_default: yes#glued comment
  drill_fields: [ # inside a list
    id, # after an item
    status
    # before the closing bracket
  ]
  dimension: id {
    sql: ${TABLE}.id -- SQL comment
      # also SQL
    ;;
  }
  # before the closing brace
}
# trailing comment without newline