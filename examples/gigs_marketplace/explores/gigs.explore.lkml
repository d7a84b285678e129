# Gigs with their freelancer and the freelancer's skills. Filtering or grouping on a skill
# repeats a gig once per matching skill of its freelancer.

explore: gigs {
  label: "Gigs"
  description: "Gigs, their freelancer and the freelancer's skills."
  required_access_grants: [marketplace]

  join: users {
    type: left_outer
    relationship: many_to_one
    sql_on: ${gigs.user_id} = ${users.user_id} ;;
  }

  join: user_skills {
    type: left_outer
    relationship: one_to_many
    sql_on: ${users.user_id} = ${user_skills.user_id} ;;
  }

  join: skills {
    type: left_outer
    relationship: many_to_one
    sql_on: ${user_skills.skill_id} = ${skills.skill_id} ;;
  }
}
