view: sessions {
  sql_table_name:
    {% if _user_attributes['env'] == 'prod' %} analytics.sessions
    {% else %} staging.sessions {% endif %} ;;

  filter: date_filter {
    type: date
  }

  dimension: landing_page {
    type: string
    sql: ${TABLE}.landing_page ;;
    html: <a href="{{ value }}" target="_blank">{{ rendered_value }}</a> ;;
  }

  dimension: in_range {
    type: yesno
    sql: {% condition date_filter %} ${TABLE}.started_at {% endcondition %} ;;
  }

  measure: conditional_count {
    type: count
    html: {% if sessions.landing_page._in_query %}<b>{{ value }}</b>{% else %}{{ value }}{% endif %} ;;
  }
}
