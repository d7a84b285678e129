#include "ide/completion_context.h"

#include <algorithm>

#include "grammar/lexer.h"

namespace lkml::ide {

namespace {

bool isIdentChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool isValue(uint16_t type) { return type == grammar::kLiteral || type == grammar::kString; }

std::string tokenText(std::string_view text, const grammar::RawToken& t) {
  std::string_view s = text.substr(t.begin, t.end - t.begin);
  if (t.type == grammar::kString && s.size() >= 2) s = s.substr(1, s.size() - 2);
  if (!s.empty() && s[0] == '+') s.remove_prefix(1);
  return std::string(s);
}

}  // namespace

std::string CompletionContext::enclosing(std::string_view block_key) const {
  for (auto it = blocks.rbegin(); it != blocks.rend(); ++it) {
    if (it->key == block_key) return it->name;
  }
  return "";
}

CompletionContext completionContext(std::string_view text, uint32_t offset) {
  CompletionContext ctx;
  size_t end = std::min<size_t>(offset, text.size());
  size_t word_begin = end;
  while (word_begin > 0 && isIdentChar(text[word_begin - 1])) --word_begin;
  ctx.word = std::string(text.substr(word_begin, end - word_begin));
  ctx.word_begin = static_cast<uint32_t>(word_begin);
  size_t start = word_begin;  // where the qualified name being typed starts
  if (start > 0 && text[start - 1] == '.') {
    size_t q = start - 1;
    while (q > 0 && isIdentChar(text[q - 1])) --q;
    ctx.qualifier = std::string(text.substr(q, start - 1 - q));
    start = q;
  }

  grammar::LexResult lexed = grammar::lex(text.substr(0, end));
  const std::vector<grammar::RawToken>& tokens = lexed.tokens;
  // Inside a comment: nothing to complete.
  for (const grammar::RawToken& c : lexed.comments) {
    if (c.begin < end && end <= c.end) return ctx;
  }
  // The blocks and the list open before the name being typed; an explicit stack.
  std::string list_key;
  bool in_list = false;
  size_t last = SIZE_MAX;  // index of the last token before `start`
  for (size_t i = 0; i < tokens.size() && tokens[i].type != grammar::kEof; ++i) {
    const grammar::RawToken& t = tokens[i];
    if (t.begin >= start) break;
    last = i;
    if (t.type == grammar::kLBrace) {
      OpenBlock block;
      if (i >= 2 && tokens[i - 1].type == grammar::kColon) {
        block.key = tokenText(text, tokens[i - 2]);
      } else if (i >= 3 && isValue(tokens[i - 1].type) && tokens[i - 2].type == grammar::kColon) {
        block.key = tokenText(text, tokens[i - 3]);
        block.name = tokenText(text, tokens[i - 1]);
      }
      ctx.blocks.push_back(std::move(block));
    } else if (t.type == grammar::kRBrace) {
      if (!ctx.blocks.empty()) ctx.blocks.pop_back();
      in_list = false;
    } else if (t.type == grammar::kLBracket) {
      in_list = true;
      list_key =
          i >= 2 && tokens[i - 1].type == grammar::kColon ? tokenText(text, tokens[i - 2]) : "";
    } else if (t.type == grammar::kRBracket) {
      in_list = false;
    }
  }
  // `${` right before the name: a substitution reference, in SQL, html or a string.
  if (start >= 2 && text.substr(start - 2, 2) == "${") {
    ctx.where = CompletionContext::Where::SqlReference;
    return ctx;
  }
  if (last == SIZE_MAX) {
    ctx.where = CompletionContext::Where::ParameterName;
    return ctx;
  }
  const grammar::RawToken& prev = tokens[last];
  // Inside SQL text or a string (which may still run to the cursor): nothing else completes.
  if (prev.type == grammar::kSqlText || prev.type == grammar::kSqlKey ||
      prev.type == grammar::kErrorChar || (prev.type == grammar::kString && prev.end > start)) {
    return ctx;
  }
  if (in_list && (prev.type == grammar::kLBracket || prev.type == grammar::kComma ||
                  prev.type == grammar::kColon)) {
    if (prev.type == grammar::kColon) return ctx;  // the value of a map entry
    ctx.where = CompletionContext::Where::ListItem;
    ctx.key = list_key;
    return ctx;
  }
  if (prev.type == grammar::kColon) {
    ctx.where = CompletionContext::Where::ParameterValue;
    if (last >= 1) ctx.key = tokenText(text, tokens[last - 1]);
    return ctx;
  }
  if (!in_list) ctx.where = CompletionContext::Where::ParameterName;
  return ctx;
}

}  // namespace lkml::ide
