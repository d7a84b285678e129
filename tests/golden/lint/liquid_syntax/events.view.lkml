view: events {
  sql_table_name: {% if events.kind._in_query %}analytics.events_by_kind{% else %}analytics.events{% endif %} ;;

  parameter: metric {
    type: unquoted
    allowed_value: { value: "amount" }
  }

  dimension: id {
    primary_key: yes
  }

  dimension: kind {
    sql: {% if metric._parameter_value == 'amount' %}${TABLE}.kind{% endif ;;
  }

  dimension: user_id {}

  dimension: unclosed_if {
    sql: {% if events.kind._is_selected %} ${TABLE}.a ;;
  }

  dimension: unknown_tag {
    sql: {% bogus x in y %}{% endbogus %} ;;
  }

  dimension: bad_filter {
    sql: {{ _user_attributes['region'] | downcase | shout }} ;;
  }

  dimension: stray_end {
    sql: ${TABLE}.a {% endif %} ;;
  }

  dimension: linked {
    sql: ${TABLE}.name ;;
    html: <b>{{ value | upcase }</b> ;;
    link: {
      label: "Search"
      url: "https://example.com/?q={{ value | url_encode | replace: 'a' }}"
    }
  }

  dimension: typo_references {
    sql: {% if events.knd._in_query %}{{ metrc._parameter_value }}{% endif %} ;;
  }

  dimension: view_in_query {
    sql: {% if users._in_query or _filters['events.kind'] == 'x' %}1{% else %}0{% endif %} ;;
  }

  dimension: valid_liquid {
    sql: {% case metric._parameter_value %}{% when 'amount' %}${TABLE}.amount{% else %}NULL{% endcase %} ;;
  }
}

view: users {
  dimension: id {
    primary_key: yes
  }
}
