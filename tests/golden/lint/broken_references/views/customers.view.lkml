# 13. extends: a typo in the parent view
view: customers {
  extends: [base_entty]
  sql_table_name: @{shema}.customers ;;

  dimension: id {
    primary_key: yes
    type: number
    sql: ${TABLE}.id ;;
  }

  dimension: region_id {
    type: number
    sql: ${TABLE}.region_id ;;
  }

  dimension: name {
    required_access_grants: [can_see_pii]
    sql: ${TABLE}.name ;;
  }

  # 14. a field-level grant typo
  dimension: email {
    required_access_grants: [can_see_ppi]
    sql: ${TABLE}.email ;;
  }

  # 15. Liquid naming a misspelt filter field
  filter: name_filter {
    type: string
  }

  dimension: name_matches {
    type: yesno
    sql: {% condition nmae_filter %} ${name} {% endcondition %} ;;
  }

  set: detail {
    fields: [id, name]
  }
}

view: base_entity {
  extension: required
  dimension: updated_at {
    sql: ${TABLE}.updated_at ;;
  }
}

view: regions {
  sql_table_name: @{schema}.regions ;;

  dimension: id {
    primary_key: yes
    type: number
    sql: ${TABLE}.id ;;
  }
}
