# Project manifest: the schema the warehouse tables live in.
project_name: "people_places"

constant: schema {
  value: "public"
}
