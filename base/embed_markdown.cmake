# Writes OUTPUT: a C++ file defining `kDiagnosticsMarkdown`, the text of INPUT, so `lkml explain`
# and SARIF `help` print the documentation that docs/diagnostics.md holds (one source of truth).
file(READ "${INPUT}" text)
string(FIND "${text}" ")lkmldoc\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains the raw-string delimiter )lkmldoc\"")
endif()
file(WRITE "${OUTPUT}.tmp"
  "// Generated from docs/diagnostics.md by base/embed_markdown.cmake. Do not edit.\n"
  "namespace lkml {\nextern const char* const kDiagnosticsMarkdown;\n"
  "const char* const kDiagnosticsMarkdown = R\"lkmldoc(${text})lkmldoc\";\n}  // namespace lkml\n")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
