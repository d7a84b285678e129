view: café {
  label: "Café"
}
