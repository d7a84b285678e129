// libFuzzer target: parse arbitrary bytes, then render the diagnostics in every output format
// and dump the tree both ways. Nothing may crash, leak, hang or trip a sanitizer.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "base/diagnostic_renderer.h"
#include "grammar/parse.h"
#include "grammar/tree_dump.h"

// Make UBSan findings fatal so libFuzzer keeps the input (the build does not pass
// -fno-sanitize-recover).
extern "C" const char* __ubsan_default_options() { return "halt_on_error=1:print_stacktrace=1"; }

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  lkml::SourceMap sources;
  const lkml::SourceFile& file =
      sources.add("fuzz/input.view.lkml", std::string(reinterpret_cast<const char*>(data), size));
  lkml::DiagnosticBag diagnostics;
  lkml::syntax::Document doc = lkml::grammar::parse(file, diagnostics);
  diagnostics.sort();
  lkml::RenderOptions options;
  options.tool_version = "fuzz";
  for (auto format : {lkml::OutputFormat::Text, lkml::OutputFormat::Json, lkml::OutputFormat::Sarif,
                      lkml::OutputFormat::Github}) {
    std::ostringstream out;
    lkml::renderDiagnostics(out, format, diagnostics.diagnostics(), sources, options);
  }
  options.color = true;
  std::ostringstream colored;
  lkml::renderText(colored, diagnostics.diagnostics(), sources, options);
  std::ostringstream tree;
  lkml::grammar::dumpTree(tree, doc);
  std::string json =
      lkml::grammar::toLkmlJson(doc).dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
  // The tree is marked incomplete exactly when a syntax error was reported (invalid UTF-8,
  // LKML105, is reported but the file is still parsed completely).
  bool syntax_error = false;
  for (const auto& d : diagnostics.diagnostics()) {
    syntax_error |= d.code != static_cast<int>(lkml::DiagCode::invalid_utf8);
  }
  if (doc.complete == syntax_error) __builtin_trap();
  return 0;
}
