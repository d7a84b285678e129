view: with_bom {
  label: "BOM at the start"
}
