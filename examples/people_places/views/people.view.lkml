# The register: one row per person. Names and exact dates of birth are personal data and
# need the `registrar` grant; birth years and decades are open to statisticians.

view: people {
  sql_table_name: @{schema}.people ;;
  label: "People"

  dimension: person_id {
    primary_key: yes
    hidden: yes
    type: number
    description: "Register number."
    sql: ${TABLE}.person_id ;;
  }

  dimension: birth_place_id {
    hidden: yes
    type: number
    description: "Place of birth; empty when unknown."
    sql: ${TABLE}.birth_place_id ;;
  }

  dimension: first_name {
    type: string
    description: "Given name."
    required_access_grants: [registrar]
    sql: ${TABLE}.first_name ;;
  }

  dimension: last_name {
    type: string
    description: "Family name."
    required_access_grants: [registrar]
    sql: ${TABLE}.last_name ;;
  }

  dimension: full_name {
    type: string
    description: "Given and family name."
    required_access_grants: [registrar]
    sql: ${first_name} || ' ' || ${last_name} ;;
  }

  dimension_group: born {
    type: time
    label: "Born"
    description: "Date of birth."
    timeframes: [raw, date, month]
    datatype: date
    convert_tz: no
    required_access_grants: [registrar]
    sql: ${TABLE}.date_of_birth ;;
  }

  dimension: birth_year {
    type: number
    description: "Year of birth."
    sql: EXTRACT(YEAR FROM ${TABLE}.date_of_birth)::integer ;;
  }

  dimension: birth_decade {
    type: number
    description: "Decade of birth: 1980 for 1980-1989."
    # Not `year / 10 * 10`: `/` divides integers exactly on DuckDB, BigQuery and Snowflake
    # (only PostgreSQL and Redshift truncate), so MOD keeps the decade the same on all of them.
    sql: ${birth_year} - MOD(${birth_year}, 10) ;;
  }

  dimension: has_known_birth_place {
    type: yesno
    description: "Yes when the place of birth is recorded."
    sql: ${TABLE}.birth_place_id IS NOT NULL ;;
  }

  measure: count {
    type: count
    label: "Number of People"
    description: "People in the register."
  }

  measure: earliest_birth_year {
    type: min
    description: "Year of birth of the oldest person."
    sql: ${birth_year} ;;
  }

  measure: latest_birth_year {
    type: max
    description: "Year of birth of the youngest person."
    sql: ${birth_year} ;;
  }

  measure: average_birth_year {
    type: average
    description: "Average year of birth."
    value_format_name: decimal_1
    sql: ${birth_year} ;;
  }
}
