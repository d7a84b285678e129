view: a {
  label: 
}
}
foo bar
: x
"s"
