view: orders {
  sql_table_name: @{schema}.orders ;;

  filter: status_filter {
    type: string
  }

  parameter: granularity {
    type: unquoted
    allowed_value: { value: "day" }
    allowed_value: { value: "month" }
  }

  dimension: id {
    primary_key: yes
  }

  dimension: status {}

  dimension: region {
    sql: ${TABLE}.region ;;
  }

  dimension: is_my_region {
    type: yesno
    sql: ${region} = '{{ _user_attributes['region'] }}' ;;
  }

  dimension: period {
    sql: DATE_TRUNC('{% parameter granularty %}', ${TABLE}.created_at) ;;
  }

  dimension: status_matches {
    type: yesno
    sql: {% condition status_fliter %} ${status} {% endcondition %} ;;
  }

  dimension: archived_table {
    sql: @{schema_archive}.orders.id ;;
  }
}
