// LKML150-169: the Liquid of every SQL parameter (errors; in html and link.url, warnings) (`sql`,
// `sql_on`, `sql_where`, `sql_always_where`, `sql_always_having`, `sql_table_name`,
// `derived_table.sql`, `sql_trigger_value`, ...), `html` and `link.url` must parse. Syntax-level,
// once per file, so an error points at the exact bytes in the file, whether or not any explore uses
// the field.
#include <algorithm>
#include <string>
#include <vector>

#include "liquid/parser.h"
#include "semantic/checks/checks.h"

namespace lkml::semantic::checks {

namespace {

bool carriesLiquid(std::string_view key, std::string_view parent) {
  return key.rfind("sql", 0) == 0 || key == "html" || (key == "url" && parent == "link");
}

void checkText(std::string_view text, Span span, size_t offset, bool exact, bool sql,
               DiagnosticSink& sink) {
  if (!liquid::hasLiquid(text)) return;
  liquid::ParseResult parsed = liquid::parseTemplate(text);
  if (parsed.ok()) return;
  const liquid::LiquidError& e = *parsed.error;
  Span at = span;
  if (exact && span.valid()) {
    at.begin = span.begin + static_cast<uint32_t>(offset + e.begin);
    at.end = span.begin + static_cast<uint32_t>(offset + std::max(e.end, e.begin + 1));
  }
  Diagnostic d = liquid::liquidDiagnostic(e, at);
  // html and link are rendered for display: Looker shows a Liquid error there, the query
  // still runs. In SQL the query fails.
  if (!sql) d.severity = Severity::Warning;
  sink.report(std::move(d));
}

}  // namespace

void checkLiquid(const LoadedProject& project, DiagnosticSink& sink, size_t first_file,
                 size_t end_file) {
  struct Item {
    const syntax::Node* node;
    std::string_view parent;
  };
  const auto& files = project.sources.files;
  for (size_t f = first_file; f < std::min(end_file, files.size()); ++f) {
    const ProjectFile& file = files[f];
    if (!file.source) continue;
    std::vector<Item> todo;
    for (const syntax::Node& member : file.doc.members) todo.push_back({&member, ""});
    while (!todo.empty()) {
      Item item = todo.back();
      todo.pop_back();
      const syntax::Node& n = *item.node;
      if (n.isBlock()) {
        for (const syntax::Node& child : n.children) todo.push_back({&child, n.key});
        continue;
      }
      if (!carriesLiquid(n.key, item.parent)) continue;
      bool sql = n.key.rfind("sql", 0) == 0;
      if (n.isSql()) {
        checkText(n.sql, n.sql_span, 0, true, sql, sink);
      } else if (n.isPair() && n.value.present()) {
        // A quoted value keeps its backslash escapes in `text`; offsets match the file only
        // when there are none (else the whole value is marked).
        bool escapes = n.value.text.find('\\') != std::string_view::npos;
        if (escapes) {
          checkText(n.value.unescaped(), n.value.span, 0, false, sql, sink);
        } else {
          checkText(n.value.text, n.value.span, n.value.quoted() ? 1 : 0, true, sql, sink);
        }
      }
    }
  }
}

}  // namespace lkml::semantic::checks
