// Shared helpers for lowering merged syntax blocks into model objects: reading scalars,
// yes/no flags, lists and SQL with `@{constant}` expansion.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "grammar/syntax_tree.h"
#include "semantic/model.h"

namespace lkml::semantic {

class LowerContext {
 public:
  LowerContext(const std::map<std::string, Constant>& constants, DiagnosticSink& sink)
      : constants_(constants), sink_(sink) {}

  DiagnosticSink& sink() { return sink_; }

  /// Text of a pair value or SQL block with `@{name}` constants substituted.
  std::string text(const syntax::Node& node);
  /// An SQL node's text with `${EXTENDED}` replaced by the value it overrides (node_merge).
  std::string extendedText(const syntax::Node& node);
  SourceText sourceText(const syntax::Node& node);
  bool yesNo(const syntax::Node& node, bool fallback);
  std::vector<std::string> list(const syntax::Node& node);
  /// The span of each item `list()` returns.
  static std::vector<Span> listSpans(const syntax::Node& node);
  std::string expand(std::string_view text, Span span);
  /// Reports LKML202 when `value` is not one of `allowed`.
  bool checkEnum(const syntax::Node& node, const std::string& value,
                 const std::vector<std::string>& allowed, const std::string& what);

 private:
  const std::map<std::string, Constant>& constants_;
  DiagnosticSink& sink_;
};

}  // namespace lkml::semantic
