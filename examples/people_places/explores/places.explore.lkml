# Every place of the gazetteer with the people born there. Places nobody in the register was
# born in still appear (left join), with Number of People 0: this is the explore for
# "every country with the number of people born there". Open to every user; personal fields
# of `people` keep their own `registrar` grant.

explore: places {
  label: "Places"
  description: "Countries, regions and cities, with the number of people born in each."

  join: people {
    type: left_outer
    relationship: one_to_many
    sql_on: ${places.place_id} = ${people.birth_place_id} ;;
  }
}
