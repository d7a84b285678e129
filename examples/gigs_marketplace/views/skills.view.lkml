# The skill catalogue.

view: skills {
  sql_table_name: public.skills ;;
  label: "Skills"

  dimension: skill_id {
    primary_key: yes
    hidden: yes
    type: number
    description: "Skill ID."
    sql: ${TABLE}.skill_id ;;
  }

  dimension: name {
    type: string
    label: "Skill"
    description: "Skill name."
    sql: ${TABLE}.name ;;
  }

  dimension: category {
    type: string
    description: "Skill family: Data, Web, Design, Writing, Ops."
    sql: ${TABLE}.category ;;
  }

  measure: count {
    type: count
    label: "Number of Skills"
    description: "Distinct skills."
  }
}
