# Access levels of the register, read from the user attribute `access_level`:
#
#   access_level   passes grants             sees
#   registrar      registrar, statistics     names and exact dates of birth, every explore
#   statistician   statistics                counts, birth years and decades; no names
#   (none)         -                         only the open `places` explore, no personal fields

access_grant: registrar {
  user_attribute: access_level
  allowed_values: ["registrar"]
}

access_grant: statistics {
  user_attribute: access_level
  allowed_values: ["registrar", "statistician"]
}
