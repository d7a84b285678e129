# Skills -> freelancers who have them -> the gigs those freelancers offer. A gig appears once per
# skill of its freelancer, so per skill category (or with no skill dimension at all) gig
# measures would double count without fan-out-safe aggregates.

explore: skills_base {
  extension: required
  view_name: skills

  join: user_skills {
    type: left_outer
    relationship: one_to_many
    sql_on: ${skills.skill_id} = ${user_skills.skill_id} ;;
  }

  join: users {
    type: left_outer
    relationship: many_to_one
    sql_on: ${user_skills.user_id} = ${users.user_id} ;;
  }

  join: gigs {
    type: left_outer
    relationship: one_to_many
    sql_on: ${users.user_id} = ${gigs.user_id} ;;
  }
}

explore: skills {
  extends: [skills_base]
  label: "Skills"
  description: "Skills with the freelancers who have them and the gigs those freelancers offer."
  required_access_grants: [marketplace]
}

explore: skills_partner {
  extends: [skills_base]
  label: "Skills (Country Partner)"
  description: "The same, limited to freelancers of the country in the user's `country` attribute."
  required_access_grants: [marketplace]
  access_filter: {
    field: users.country
    user_attribute: country
  }
}
