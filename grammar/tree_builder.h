// Builds lkml syntax::Nodes (internal to grammar/): straight from the raw tokens of a valid
// member (the fast path, see parse.cpp), or from the ANTLR parse tree of a member with syntax
// errors (what error recovery produced).
#pragma once

#include "LookMLParser.h"
#include "base/source_file.h"
#include "grammar/lexer.h"
#include "grammar/syntax_tree.h"

namespace lkml::grammar {

class TreeBuilder {
 public:
  explicit TreeBuilder(const SourceFile& file) : file_(file) {}
  /// Builds `out` from the member starting at tokens[*pos] and moves `*pos` past it when the
  /// tokens form a valid `member` of LookMLParser.g4, exactly when ANTLR's parser would accept
  /// it without a syntax error; the tree is then the one buildMember(ctx) makes from ANTLR's
  /// parse tree. Returns false at the first token the grammar does not allow (`*pos` and `out`
  /// are then unspecified). `tokens` ends with kEof.
  bool buildMember(const RawToken* tokens, size_t* pos, syntax::Node* out);
  /// Builds `out` from `ctx`; false when the member is too broken to keep (e.g. no value).
  bool buildMember(gen::LookMLParser::MemberContext* ctx, syntax::Node* out) const;

 private:
  bool buildKeyMember(gen::LookMLParser::KeyMemberContext* ctx, syntax::Node* out) const;
  void buildSqlMember(gen::LookMLParser::SqlMemberContext* ctx, syntax::Node* out) const;
  void buildBody(gen::LookMLParser::BodyContext* ctx, syntax::Node* out) const;
  void buildList(gen::LookMLParser::ListContext* ctx, syntax::Node* out) const;
  syntax::Scalar buildScalar(gen::LookMLParser::ScalarContext* ctx) const;
  bool buildSqlMember(const RawToken* tokens, size_t* pos, syntax::Node* out);
  bool buildBody(const RawToken* tokens, size_t* pos, syntax::Node* out);
  bool buildList(const RawToken* tokens, size_t* pos, syntax::Node* out);
  bool buildItem(const RawToken* tokens, size_t* pos);
  syntax::Scalar buildScalar(const RawToken& token) const;
  uint32_t setSql(Span key_token, uint32_t text_begin, uint32_t text_end, syntax::Node* out) const;
  /// The source text of a token (inline: called for every key and value).
  std::string_view text(const RawToken& token) const {
    return file_.text().substr(token.begin, token.end - token.begin);
  }
  Span span(antlr4::Token* token) const;
  uint32_t endOf(antlr4::ParserRuleContext* ctx, uint32_t fallback) const;

  const SourceFile& file_;
  // Children and list items are collected here while a block or list is parsed, then moved
  // into a vector of exactly their number: no reallocation while growing, no spare capacity
  // (the tree is most of parse()'s memory). Shared by all nesting levels, as a stack.
  std::vector<syntax::Node> node_stack_;
  std::vector<syntax::ListItem> item_stack_;
};

}  // namespace lkml::grammar
