#include "grammar/tree_builder.h"

#include <algorithm>
#include <iterator>
#include <typeinfo>

#include "grammar/token_source.h"

namespace lkml::grammar {

using gen::LookMLParser;

namespace {
// Tokens conjured by error recovery are CommonTokens with no place in the source.
const LiteToken* lite(antlr4::Token* token) {
  return token && typeid(*token) == typeid(LiteToken) ? static_cast<const LiteToken*>(token)
                                                      : nullptr;
}

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; }
}  // namespace

Span TreeBuilder::span(antlr4::Token* token) const {
  if (const LiteToken* t = lite(token)) return {file_.id(), t->begin(), t->end()};
  return {};
}

uint32_t TreeBuilder::endOf(antlr4::ParserRuleContext* ctx, uint32_t fallback) const {
  if (const LiteToken* t = lite(ctx->getStop())) {
    if (t->end() >= fallback && t->type() != kEof) return t->end();
  }
  return fallback;
}

bool TreeBuilder::buildMember(LookMLParser::MemberContext* ctx, syntax::Node* out) const {
  if (auto* key = dynamic_cast<LookMLParser::KeyMemberContext*>(ctx)) {
    return buildKeyMember(key, out);
  }
  if (auto* sql = dynamic_cast<LookMLParser::SqlMemberContext*>(ctx)) {
    buildSqlMember(sql, out);
    return true;
  }
  return false;
}

// Sets the key, the SQL text and their spans of a SQL member; returns the end of the trimmed
// text (the member's end when ';;' is missing).
uint32_t TreeBuilder::setSql(Span key_token, uint32_t text_begin, uint32_t text_end,
                             syntax::Node* out) const {
  out->kind = syntax::NodeKind::Sql;
  std::string_view key_text = file_.slice(key_token);
  size_t key_len = 0;
  while (key_len < key_text.size() && !isSpace(key_text[key_len]) && key_text[key_len] != ':') {
    ++key_len;
  }
  out->key = key_text.substr(0, key_len);
  out->key_span = {file_.id(), key_token.begin, key_token.begin + static_cast<uint32_t>(key_len)};
  std::string_view all = file_.text();
  while (text_begin < text_end && isSpace(all[text_begin])) ++text_begin;
  while (text_end > text_begin && isSpace(all[text_end - 1])) --text_end;
  out->sql = all.substr(text_begin, text_end - text_begin);
  out->sql_span = {file_.id(), text_begin, text_end};
  return text_end;
}

void TreeBuilder::buildSqlMember(LookMLParser::SqlMemberContext* ctx, syntax::Node* out) const {
  Span key_token = span(ctx->SQL_KEY()->getSymbol());
  uint32_t text_begin = key_token.end;
  uint32_t text_end = key_token.end;
  auto texts = ctx->SQL_TEXT();
  if (!texts.empty()) {
    Span first = span(texts.front()->getSymbol());
    Span last = span(texts.back()->getSymbol());
    if (first.valid() && last.valid()) {
      text_begin = first.begin;
      text_end = last.end;
    }
  }
  uint32_t end = setSql(key_token, text_begin, text_end, out);
  if (ctx->SQL_END()) {
    Span close = span(ctx->SQL_END()->getSymbol());
    if (close.valid()) end = close.end;
  }
  out->span = {file_.id(), key_token.begin, end};
}

bool TreeBuilder::buildKeyMember(LookMLParser::KeyMemberContext* ctx, syntax::Node* out) const {
  if (!ctx->LITERAL()) return false;
  out->key_span = span(ctx->LITERAL()->getSymbol());
  if (!out->key_span.valid()) return false;
  out->key = file_.slice(out->key_span);
  LookMLParser::ValueContext* value = ctx->value();
  if (!value) return false;
  if (auto* scalar_value = dynamic_cast<LookMLParser::ScalarValueContext*>(value)) {
    if (!scalar_value->scalar()) return false;
    out->value = buildScalar(scalar_value->scalar());
    if (!out->value.present()) return false;
    if (scalar_value->body()) {
      buildBody(scalar_value->body(), out);
    } else {
      out->kind = syntax::NodeKind::Pair;
    }
  } else if (auto* block = dynamic_cast<LookMLParser::AnonymousBlockContext*>(value)) {
    if (!block->body()) return false;
    buildBody(block->body(), out);
  } else if (auto* list = dynamic_cast<LookMLParser::ListValueContext*>(value)) {
    if (!list->list()) return false;
    buildList(list->list(), out);
  } else {
    return false;
  }
  out->span = {file_.id(), out->key_span.begin, endOf(ctx, out->key_span.end)};
  return true;
}

void TreeBuilder::buildBody(LookMLParser::BodyContext* ctx, syntax::Node* out) const {
  out->kind = syntax::NodeKind::Block;
  auto members = ctx->member();
  out->children.reserve(members.size());
  for (auto* member : members) {
    syntax::Node child;
    if (buildMember(member, &child)) out->children.push_back(std::move(child));
  }
}

void TreeBuilder::buildList(LookMLParser::ListContext* ctx, syntax::Node* out) const {
  out->kind = syntax::NodeKind::List;
  auto items = ctx->item();
  out->items.mut().reserve(items.size());
  for (auto* item : items) {
    auto scalars = item->scalar();
    if (scalars.empty()) continue;
    syntax::ListItem entry;
    entry.value = buildScalar(scalars[0]);
    if (!entry.value.present()) continue;
    if (scalars.size() > 1) entry.map_value = buildScalar(scalars[1]);
    uint32_t end = entry.map_value.present() ? entry.map_value.span.end : entry.value.span.end;
    entry.span = {file_.id(), entry.value.span.begin, end};
    out->items.push_back(entry);
  }
}

syntax::Scalar TreeBuilder::buildScalar(LookMLParser::ScalarContext* ctx) const {
  syntax::Scalar scalar;
  if (ctx->LITERAL()) {
    scalar.span = span(ctx->LITERAL()->getSymbol());
    if (!scalar.span.valid()) return {};
    scalar.kind = syntax::Scalar::Kind::Literal;
    scalar.text = file_.slice(scalar.span);
  } else if (ctx->STRING()) {
    scalar.span = span(ctx->STRING()->getSymbol());
    if (!scalar.span.valid() || scalar.span.size() < 2) return {};
    scalar.kind = syntax::Scalar::Kind::String;
    std::string_view quoted = file_.slice(scalar.span);
    scalar.text = quoted.substr(1, quoted.size() - 2);
  }
  return scalar;
}

// The fast path: the same trees, built straight from the raw tokens. Each function below is
// a recursive-descent recogniser of one rule of LookMLParser.g4 (quoted above it) and mirrors
// its parse-tree counterpart above; it returns false at the first token the rule does not
// allow. LookMLParser is LL(1) except for the list rule's `(COMMA item)* COMMA?`, decided here
// with a second token of lookahead exactly as ANTLR's prediction does.

namespace {
bool isScalar(uint16_t type) { return type == kLiteral || type == kString; }
}  // namespace

// member : SQL_KEY SQL_TEXT* SQL_END | LITERAL COLON doubledColon? value ;
// doubledColon : COLON ;
// value  : scalar body? | body | list ;
bool TreeBuilder::buildMember(const RawToken* tokens, size_t* pos, syntax::Node* out) {
  if (tokens[*pos].type == kSqlKey) return buildSqlMember(tokens, pos, out);
  if (tokens[*pos].type != kLiteral || tokens[*pos + 1].type != kColon) return false;
  const RawToken& key = tokens[*pos];
  out->key_span = {file_.id(), key.begin, key.end};
  out->key = text(key);
  *pos += 2;
  if (tokens[*pos].type == kColon) ++*pos;  // `key:: value`, warned about by parse()
  const RawToken& value = tokens[*pos];
  if (isScalar(value.type)) {
    out->value = buildScalar(value);
    ++*pos;
    if (tokens[*pos].type == kLBrace) {
      if (!buildBody(tokens, pos, out)) return false;
    } else {
      out->kind = syntax::NodeKind::Pair;
    }
  } else if (value.type == kLBrace) {
    if (!buildBody(tokens, pos, out)) return false;
  } else if (value.type == kLBracket) {
    if (!buildList(tokens, pos, out)) return false;
  } else {
    return false;
  }
  out->span = {file_.id(), key.begin, tokens[*pos - 1].end};
  return true;
}

bool TreeBuilder::buildSqlMember(const RawToken* tokens, size_t* pos, syntax::Node* out) {
  const RawToken& key = tokens[(*pos)++];
  uint32_t text_begin = key.end;
  uint32_t text_end = key.end;
  if (tokens[*pos].type == kSqlText) {
    text_begin = tokens[*pos].begin;
    while (tokens[*pos].type == kSqlText) text_end = tokens[(*pos)++].end;
  }
  if (tokens[*pos].type != kSqlEnd) return false;
  setSql({file_.id(), key.begin, key.end}, text_begin, text_end, out);
  out->span = {file_.id(), key.begin, tokens[(*pos)++].end};
  return true;
}

// body : LBRACE member* RBRACE ;  (the caller has seen the LBRACE)
bool TreeBuilder::buildBody(const RawToken* tokens, size_t* pos, syntax::Node* out) {
  out->kind = syntax::NodeKind::Block;
  ++*pos;
  const size_t mark = node_stack_.size();
  while (tokens[*pos].type != kRBrace) {
    syntax::Node child;
    if ((tokens[*pos].type != kLiteral && tokens[*pos].type != kSqlKey) ||
        !buildMember(tokens, pos, &child)) {
      node_stack_.resize(mark);
      return false;
    }
    node_stack_.push_back(std::move(child));
  }
  ++*pos;
  out->children.reserve(node_stack_.size() - mark);
  std::move(node_stack_.begin() + mark, node_stack_.end(), std::back_inserter(out->children));
  node_stack_.resize(mark);
  return true;
}

// list : LBRACKET COMMA? (item (COMMA item)* COMMA?)? RBRACKET ;  (the caller has seen the
// LBRACKET)
bool TreeBuilder::buildList(const RawToken* tokens, size_t* pos, syntax::Node* out) {
  out->kind = syntax::NodeKind::List;
  ++*pos;
  const size_t mark = item_stack_.size();
  bool ok = true;
  if (tokens[*pos].type == kComma) ++*pos;  // `[, a]`
  if (isScalar(tokens[*pos].type)) {
    ok = buildItem(tokens, pos);
    while (ok && tokens[*pos].type == kComma && isScalar(tokens[*pos + 1].type)) {
      ++*pos;
      ok = buildItem(tokens, pos);
    }
    if (tokens[*pos].type == kComma) ++*pos;
  }
  if (!ok || tokens[*pos].type != kRBracket) {
    item_stack_.resize(mark);
    return false;
  }
  ++*pos;
  out->items = std::vector<syntax::ListItem>(item_stack_.begin() + mark, item_stack_.end());
  item_stack_.resize(mark);
  return true;
}

// item : scalar (COLON scalar)? ;  (the caller has seen the first scalar; onto item_stack_)
bool TreeBuilder::buildItem(const RawToken* tokens, size_t* pos) {
  syntax::ListItem entry;
  entry.value = buildScalar(tokens[(*pos)++]);
  if (tokens[*pos].type == kColon) {
    if (!isScalar(tokens[*pos + 1].type)) return false;
    entry.map_value = buildScalar(tokens[*pos + 1]);
    *pos += 2;
  }
  uint32_t end = entry.map_value.present() ? entry.map_value.span.end : entry.value.span.end;
  entry.span = {file_.id(), entry.value.span.begin, end};
  item_stack_.push_back(entry);
  return true;
}

// scalar : LITERAL | STRING ;  (a STRING token always has both quotes)
syntax::Scalar TreeBuilder::buildScalar(const RawToken& token) const {
  syntax::Scalar scalar;
  scalar.span = {file_.id(), token.begin, token.end};
  if (token.type == kLiteral) {
    scalar.kind = syntax::Scalar::Kind::Literal;
    scalar.text = text(token);
  } else {
    scalar.kind = syntax::Scalar::Kind::String;
    scalar.text = file_.text().substr(token.begin + 1, token.end - token.begin - 2);
  }
  return scalar;
}

}  // namespace lkml::grammar
