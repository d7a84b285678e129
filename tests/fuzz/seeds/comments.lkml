# comment
view: a { # c
  label: "x # y" # z
}
#