project_name: "uses_a_block"

remote_dependency: ga_block {
  url: "https://github.com/example/ga_block"
  ref: "main"
}
