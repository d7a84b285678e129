# The gazetteer: one row per city. A city name alone is not unique (Córdoba is in Argentina
# and in Spain), so a place is identified by place_id (and by city + county + country).

view: places {
  sql_table_name: @{schema}.places ;;
  label: "Places"

  dimension: place_id {
    primary_key: yes
    hidden: yes
    type: number
    description: "Surrogate key of the place."
    sql: ${TABLE}.place_id ;;
  }

  dimension: city {
    type: string
    description: "City name as written locally (Łódź, São Paulo, Москва, 東京)."
    sql: ${TABLE}.city ;;
  }

  dimension: county {
    type: string
    label: "County / Region"
    description: "First-level division of the country: voivodeship, state, canton, prefecture."
    sql: ${TABLE}.county ;;
  }

  dimension: country {
    type: string
    description: "Country name as written locally (Polska, Schweiz, 日本)."
    sql: ${TABLE}.country ;;
  }

  dimension: city_and_country {
    type: string
    description: "City and country, e.g. `Córdoba (España)`: unique enough to label a place."
    sql: ${city} || ' (' || ${country} || ')' ;;
  }

  measure: count {
    type: count
    label: "Number of Places"
    description: "Places in the gazetteer."
    drill_fields: [country, county, city]
  }

  measure: country_count {
    type: count_distinct
    label: "Number of Countries"
    description: "Distinct countries."
    sql: ${country} ;;
  }
}
