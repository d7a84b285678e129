// Converts one ANTLR `member` parse tree into an lkml syntax::Node (internal to grammar/).
#pragma once

#include "LookMLParser.h"
#include "base/source_file.h"
#include "grammar/syntax_tree.h"

namespace lkml::grammar {

class TreeBuilder {
 public:
  explicit TreeBuilder(const SourceFile& file) : file_(file) {}
  /// Builds `out` from `ctx`; false when the member is too broken to keep (e.g. no value).
  bool buildMember(gen::LookMLParser::MemberContext* ctx, syntax::Node* out) const;

 private:
  bool buildKeyMember(gen::LookMLParser::KeyMemberContext* ctx, syntax::Node* out) const;
  void buildSqlMember(gen::LookMLParser::SqlMemberContext* ctx, syntax::Node* out) const;
  void buildBody(gen::LookMLParser::BodyContext* ctx, syntax::Node* out) const;
  void buildList(gen::LookMLParser::ListContext* ctx, syntax::Node* out) const;
  syntax::Scalar buildScalar(gen::LookMLParser::ScalarContext* ctx) const;
  Span span(antlr4::Token* token) const;
  uint32_t endOf(antlr4::ParserRuleContext* ctx, uint32_t fallback) const;

  const SourceFile& file_;
};

}  // namespace lkml::grammar
