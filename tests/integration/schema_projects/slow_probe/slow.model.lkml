connection: "warehouse"

# Reading this derived table takes three seconds (pg_sleep per row), so the uniqueness probe
# of its primary key runs past a short --statement-timeout: "could not verify" (LKML312).
view: slow {
  derived_table: {
    sql: SELECT g AS id, pg_sleep(1) AS pause FROM generate_series(1, 3) AS g ;;
  }
  dimension: id {
    primary_key: yes
    type: number
    sql: ${TABLE}.id ;;
  }
}

explore: slow {}
