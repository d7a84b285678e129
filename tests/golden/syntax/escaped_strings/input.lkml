view: strings {
  label: "say \"hi\""
  description: "back\\slash and \\\" both"
  group_label: "multi
line string"
  empty: ""
  hash: "# kept"
  braces: "{ } [ ] , :"
}
