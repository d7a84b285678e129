# The register with each person's place of birth (alias `birth_place`). People whose place
# of birth is unknown are kept (left join) and have an empty country.

explore: people_base {
  extension: required
  view_name: people

  join: birth_place {
    from: places
    view_label: "Place of Birth"
    type: left_outer
    relationship: many_to_one
    sql_on: ${people.birth_place_id} = ${birth_place.place_id} ;;
  }
}

explore: people {
  extends: [people_base]
  label: "People"
  description: "All people in the register with their place of birth."
  required_access_grants: [statistics]
}

explore: people_local {
  extends: [people_base]
  label: "People (Local Office)"
  description: "People born in the country of the user's `country` attribute."
  required_access_grants: [statistics]
  access_filter: {
    field: birth_place.country
    user_attribute: country
  }
}
