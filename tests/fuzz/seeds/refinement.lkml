view: +orders {
  extends: [base]
  dimension: x { sql: CASE WHEN a; THEN 1 END ;; html: {{ value }} ;; }
}
