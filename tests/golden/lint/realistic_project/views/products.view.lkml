view: products {
  derived_table: {
    sql: SELECT p.*, c.name AS category_name
         FROM @{schema}.products AS p
         JOIN @{schema}.categories AS c ON c.id = p.category_id ;;
  }

  dimension: id {
    primary_key: yes
    type: number
    sql: ${TABLE}.id ;;
  }

  dimension: name {
    sql: ${TABLE}.name ;;
  }

  dimension: category {
    sql: ${TABLE}.category_name ;;
  }

  parameter: price_tier {
    type: unquoted
    allowed_value: { value: "budget" }
    allowed_value: { value: "premium" }
    default_value: "budget"
  }

  filter: category_filter {
    type: string
    suggest_dimension: category
  }

  dimension: in_category {
    type: yesno
    sql: {% condition category_filter %} ${category} {% endcondition %} ;;
  }

  measure: count {
    type: count
  }
}
