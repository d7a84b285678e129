# people_places: a register of 10,000 people and the places they were born in.
# Explores: `places` (every country, city and county, with the people born there),
# `people` (statistics over the register) and `people_local` (the same, limited to the
# country in the user's `country` attribute). See ../README.md.

connection: "postgres"
label: "People and Places"

include: "/models/access_grants.lkml"
include: "/views/*.view.lkml"
include: "/explores/*.explore.lkml"
