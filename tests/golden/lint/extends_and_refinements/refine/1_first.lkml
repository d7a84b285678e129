view: +users {
  label: "People"
  final: yes
}
