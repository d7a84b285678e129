connection: "db"

include: "../views/*.view"          # relative, climbing to a sibling folder: fine
include: "/views/**/*.view"         # ** also matches the views folder itself: fine
include: "/dashboards/*.dashboard"  # LookML dashboards are recognised
include: "/views/nothing_*.view"    # matches nothing: a warning
include: "../../outside.view"       # climbs out of the project: an error, never read
include: "//shared_project/views/*.view"  # another project: skipped with a warning
include: "/models/shared.model"     # a model included by a model: a warning

explore: orders {}
explore: shared_thing {}
