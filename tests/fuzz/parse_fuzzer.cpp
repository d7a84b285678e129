// libFuzzer target: parse arbitrary bytes, then render the diagnostics in every output format
// and dump the tree both ways. Nothing may crash, leak, hang or trip a sanitizer, and the tree
// and the tokens must keep their invariants (checked below; a violation traps).
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "base/diagnostic_renderer.h"
#include "grammar/lexer.h"
#include "grammar/parse.h"
#include "grammar/tree_dump.h"

// Make UBSan findings fatal so libFuzzer keeps the input (the build does not pass
// -fno-sanitize-recover).
extern "C" const char* __ubsan_default_options() { return "halt_on_error=1:print_stacktrace=1"; }

namespace {

void check(bool ok) {
  if (!ok) __builtin_trap();
}

bool within(lkml::Span inner, lkml::Span outer) {
  return outer.begin <= inner.begin && inner.begin <= inner.end && inner.end <= outer.end;
}

// A scalar's text is what its span covers (without the quotes of a string).
void checkScalar(const lkml::SourceFile& file, const lkml::syntax::Scalar& scalar,
                 lkml::Span parent) {
  if (!scalar.present()) return;
  check(within(scalar.span, parent));
  std::string_view raw = file.slice(scalar.span);
  if (scalar.quoted()) {
    check(raw.size() >= 2 && raw.front() == '"' && raw.back() == '"');
    check(raw.substr(1, raw.size() - 2) == scalar.text);
  } else {
    check(!raw.empty() && raw == scalar.text);
  }
}

void checkNode(const lkml::SourceFile& file, const lkml::syntax::Node& node, lkml::Span parent) {
  using lkml::syntax::NodeKind;
  check(within(node.span, parent));
  check(within(node.key_span, node.span) && node.key_span.begin == node.span.begin);
  check(!node.key.empty() && file.slice(node.key_span) == node.key);
  checkScalar(file, node.value, node.span);
  uint32_t previous_end = node.key_span.end;
  switch (node.kind) {
    case NodeKind::Pair:
      check(node.value.present() && node.children.empty() && node.items.empty());
      break;
    case NodeKind::Sql:
      check(within(node.sql_span, node.span) && file.slice(node.sql_span) == node.sql);
      check(!node.value.present() && node.children.empty() && node.items.empty());
      break;
    case NodeKind::List:
      for (const auto& item : node.items) {
        check(item.value.present() && within(item.span, node.span));
        check(item.span.begin >= previous_end);
        previous_end = item.span.end;
        checkScalar(file, item.value, item.span);
        checkScalar(file, item.map_value, item.span);
      }
      break;
    case NodeKind::Block:
      check(node.items.empty());
      for (const auto& child : node.children) {
        check(child.span.begin >= previous_end);
        previous_end = child.span.end;
        checkNode(file, child, node.span);
      }
      break;
  }
}

// Lexer invariants: tokens are ordered, non-empty and within the text; a literal never holds a
// delimiter outside `@{...}`; a comment is '#' up to the end of its line.
void checkTokens(std::string_view text) {
  lkml::grammar::LexResult lexed = lkml::grammar::lex(text);
  check(!lexed.tokens.empty() && lexed.tokens.back().type == lkml::grammar::kEof);
  uint32_t previous_end = 0;
  for (size_t i = 0; i + 1 < lexed.tokens.size(); ++i) {
    const lkml::grammar::RawToken& t = lexed.tokens[i];
    check(previous_end <= t.begin && t.begin < t.end && t.end <= text.size());
    previous_end = t.end;
    if (t.type != lkml::grammar::kLiteral) continue;
    std::string_view literal = text.substr(t.begin, t.end - t.begin);
    for (size_t k = 0; k < literal.size(); ++k) {
      if (literal.compare(k, 2, "@{") == 0) {
        size_t close = literal.find('}', k + 2);
        if (close != std::string_view::npos) {
          k = close;
          continue;
        }
      }
      check(std::string_view(" \t\r\n\f:{}[],\"#").find(literal[k]) == std::string_view::npos);
      check(literal.compare(k, 3, "\xef\xbb\xbf") != 0);
    }
  }
  for (const lkml::grammar::RawToken& c : lexed.comments) {
    std::string_view comment = text.substr(c.begin, c.end - c.begin);
    check(!comment.empty() && comment[0] == '#');
    check(comment.find_first_of("\r\n") == std::string_view::npos);
    check(c.end == text.size() || text[c.end] == '\n' || text[c.end] == '\r');
  }
}

}  // namespace

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

  const lkml::Span whole{file.id(), 0, static_cast<uint32_t>(file.text().size())};
  uint32_t previous_end = 0;
  for (const auto& member : doc.members) {
    check(member.span.begin >= previous_end);
    previous_end = member.span.end;
    checkNode(file, member, whole);
  }
  for (const auto& comment : doc.comments) check(file.slice(comment.span) == comment.text);
  checkTokens(file.text());
  return 0;
}
