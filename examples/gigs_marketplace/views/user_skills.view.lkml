# Join table: which freelancer has which skill. Its key is the pair (user_id, skill_id); the
# `pk` dimension spells it as one value so fan-out-safe measures can use it.

view: user_skills {
  sql_table_name: public.user_skills ;;
  label: "Freelancer Skills"

  dimension: pk {
    primary_key: yes
    hidden: yes
    type: string
    description: "user_id-skill_id"
    sql: ${TABLE}.user_id || '-' || ${TABLE}.skill_id ;;
  }

  dimension: user_id {
    hidden: yes
    type: number
    description: "Freelancer."
    sql: ${TABLE}.user_id ;;
  }

  dimension: skill_id {
    hidden: yes
    type: number
    description: "Skill."
    sql: ${TABLE}.skill_id ;;
  }

  dimension: years_experience {
    type: number
    description: "Years of experience the freelancer states for the skill."
    sql: ${TABLE}.years_experience ;;
  }

  measure: count {
    type: count
    label: "Number of Skill Listings"
    description: "(freelancer, skill) pairs."
  }

  measure: average_years_experience {
    type: average
    description: "Average stated experience per (freelancer, skill) pair."
    value_format_name: decimal_2
    sql: ${years_experience} ;;
  }
}
