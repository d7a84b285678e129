# Applied after the final refinement in refine/1_first.lkml (include order).
view: +users {
  label: "Too late"
}

explore: +users_explore {
  label: "Too late as well"
}

view: +user {
  label: "Typo"
}
