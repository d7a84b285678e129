# Freelancers with two independent one-to-many branches: their gigs and their skills. A query
# using both pairs every gig of a freelancer with every skill of that freelancer.

explore: users {
  label: "Freelancers"
  description: "Freelancers with their gigs and their skills."
  required_access_grants: [admin]

  join: gigs {
    type: left_outer
    relationship: one_to_many
    sql_on: ${users.user_id} = ${gigs.user_id} ;;
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
