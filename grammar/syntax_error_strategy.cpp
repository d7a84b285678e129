#include "grammar/syntax_error_strategy.h"

#include <functional>

#include "LookMLParser.h"
#include "grammar/lexer.h"
#include "grammar/token_source.h"

namespace lkml::grammar {

using gen::LookMLParser;

namespace {

std::string describeTokenType(size_t type) {
  switch (type) {
    case antlr4::Token::EOF:
      return "the end of the file";
    case kSqlKey:
      return "a SQL parameter (`sql: ... ;;`)";
    case kLBrace:
      return "'{'";
    case kRBrace:
      return "'}'";
    case kLBracket:
      return "'['";
    case kRBracket:
      return "']'";
    case kComma:
      return "','";
    case kColon:
      return "':'";
    case kString:
      return "a quoted string";
    case kLiteral:
      return "a name or value";
    case kSqlEnd:
      return "';;'";
    case kSqlText:
      return "SQL text";
    default:
      return "a token";
  }
}

std::string describeExpected(const antlr4::misc::IntervalSet& expected) {
  std::vector<size_t> types;
  for (ssize_t t : expected.toList()) types.push_back(static_cast<size_t>(t));
  auto has = [&](size_t t) { return expected.contains(t); };
  // The member loop of a block: keys or the closing brace.
  if (has(kLiteral) && has(kSqlKey) && has(kRBrace)) return "a parameter (`key: value`) or '}'";
  if (has(kLiteral) && has(kSqlKey)) return "a parameter (`key: value`)";
  if (has(kLiteral) && has(kString) && has(kLBrace) && has(kLBracket))
    return "a value (a name, a quoted string, '{' or '[')";
  std::string out;
  for (size_t i = 0; i < types.size(); ++i) {
    if (i > 0) out += i + 1 == types.size() ? " or " : ", ";
    out += describeTokenType(types[i]);
  }
  return out.empty() ? "something else" : out;
}

std::string quoteToken(antlr4::Token* token) {
  if (token->getType() == antlr4::Token::EOF) return "the end of the file";
  std::string text = token->getText();
  if (text.size() > 40) text = text.substr(0, 37) + "...";
  for (char& c : text) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return "`" + text + "`";
}

// "view: users" for the member that owns `ctx` (a body or list), for "opened at" messages.
std::string ownerName(antlr4::ParserRuleContext* ctx) {
  for (auto* c = ctx; c; c = dynamic_cast<antlr4::ParserRuleContext*>(c->parent)) {
    if (auto* key = dynamic_cast<LookMLParser::KeyMemberContext*>(c)) {
      std::string name = key->LITERAL() ? key->LITERAL()->getText() : "?";
      auto* scalar_value = dynamic_cast<LookMLParser::ScalarValueContext*>(key->value());
      if (scalar_value && scalar_value->scalar())
        name += ": " + scalar_value->scalar()->getText();
      else
        name += ":";
      return name;
    }
  }
  return "";
}

// True when a `;;` closed a SQL block just before `offending`, on the same line: the sign of
// `sql: x = ';;' ;;`, where the block ended inside a quoted string.
bool followsSqlEndOnItsLine(antlr4::Parser* recognizer, antlr4::Token* offending) {
  if (!recognizer || offending->getType() == antlr4::Token::EOF) return false;
  antlr4::TokenStream* stream = recognizer->getTokenStream();
  size_t index = offending->getTokenIndex();
  for (size_t back = 1; back <= 3 && back <= index; ++back) {
    antlr4::Token* token = stream->get(index - back);
    if (token->getType() == kSqlEnd) return token->getLine() == offending->getLine();
  }
  return false;
}

// The block most likely missing its '}' when the file ends inside one (rustc's heuristic):
// scanning the open member's tokens, the first block a line returns into, that is a line
// after the block's opening line whose first token starts at or left of the column where the
// opening line starts, while the block is still open. Empty `owner` when no line does.
struct SuspectBlock {
  std::string owner;  // "dimension: b"
  LineCol opened;     // where the opening line starts
  LineCol returns;    // the first token of the line that returns to its indentation
  Span opened_span;   // that first token of the opening line
};

SuspectBlock findSuspectBlock(const SourceFile& file, antlr4::TokenStream* stream, size_t from,
                              const std::function<Span(antlr4::Token*)>& span_of) {
  struct Open {
    bool brace;
    LineCol start;  // first token of the opening line
    Span start_span;
    bool indented = false;  // a line inside it started right of `start`: indentation is used
  };
  std::vector<Open> stack;
  SuspectBlock suspect;
  uint32_t line = 0;
  LineCol line_start;
  Span line_start_span;
  for (size_t i = from; i < stream->size(); ++i) {
    antlr4::Token* token = stream->get(i);
    if (token->getType() == antlr4::Token::EOF) break;
    if (token->getChannel() != antlr4::Token::DEFAULT_CHANNEL) continue;
    Span span = span_of(token);
    LineCol at = file.lineCol(span.begin);
    size_t type = token->getType();
    if (at.line != line) {
      line = at.line;
      line_start = at;
      line_start_span = span;
      // `}` and `]` close what is open, `;;` ends SQL wherever it is written: neither says
      // where a block ends.
      if (!stack.empty() && at.line > stack.back().start.line &&
          at.column > stack.back().start.column) {
        stack.back().indented = true;
      } else if (!stack.empty() && stack.back().brace && stack.back().indented &&
                 at.line > stack.back().start.line && type != kRBrace && type != kRBracket &&
                 type != kSqlEnd) {
        const Open& open = stack.back();
        std::string_view text = file.lineText(open.start.line);
        size_t first = text.find_first_not_of(" \t");
        size_t brace = text.find('{', first == std::string_view::npos ? 0 : first);
        std::string owner(
            text.substr(first, brace == std::string_view::npos ? text.npos : brace - first));
        while (!owner.empty() && (owner.back() == ' ' || owner.back() == '\t')) owner.pop_back();
        suspect.owner = owner.empty() ? "{" : owner;
        suspect.opened = open.start;
        suspect.returns = at;
        suspect.opened_span = open.start_span;
        return suspect;
      }
    }
    if (type == kLBrace || type == kLBracket) {
      stack.push_back({type == kLBrace, line_start, line_start_span, false});
    } else if ((type == kRBrace || type == kRBracket) && !stack.empty()) {
      stack.pop_back();
    }
  }
  return suspect;
}
}  // namespace

Span SyntaxErrorStrategy::tokenSpan(antlr4::Token* token) const {
  if (auto* lite = dynamic_cast<LiteToken*>(token)) {
    uint32_t end = lite->end() > lite->begin() ? lite->end() : lite->begin();
    return {file_.id(), lite->begin(), end};
  }
  auto size = static_cast<uint32_t>(file_.text().size());
  return {file_.id(), size, size};
}

// Follow-on errors are counted but not reported: after an unterminated string the rest of the
// file belongs to that string, and a second error on the line of the previous one is nearly
// always a consequence of it (`sql: a = ';;' THEN 1 ;;` would otherwise give one per word).
void SyntaxErrorStrategy::emit(Diagnostic diagnostic) {
  ++errors_;
  if (unterminated_string_reported_ &&
      diagnostic.code != static_cast<int>(DiagCode::unterminated_string)) {
    return;
  }
  uint32_t line = diagnostic.span.valid() ? file_.lineCol(diagnostic.span.begin).line : 0;
  if (line != 0 && line == last_error_line_) return;
  last_error_line_ = line;
  sink_.report(std::move(diagnostic));
}

void SyntaxErrorStrategy::describe(antlr4::Parser* recognizer, antlr4::Token* offending,
                                   const antlr4::misc::IntervalSet& expected, bool extraneous) {
  antlr4::ParserRuleContext* ctx = recognizer ? recognizer->getContext() : nullptr;
  const bool at_eof = offending->getType() == antlr4::Token::EOF;

  // A member that starts on the line of the previous error is part of that error's debris
  // (`sql: a = ';;' THEN 1 ;;` leaves `' THEN 1 ;;` to be read as members): count, don't report.
  for (auto* c = ctx; c && last_error_line_ != 0 && !at_eof;
       c = dynamic_cast<antlr4::ParserRuleContext*>(c->parent)) {
    if (dynamic_cast<LookMLParser::MemberContext*>(c)) {
      if (c->getStart() && file_.lineCol(tokenSpan(c->getStart()).begin).line == last_error_line_) {
        ++errors_;
        return;
      }
      break;
    }
  }

  // An unterminated string lexes as a lone '"' (ERROR_CHAR).
  if (offending->getType() == kErrorChar) {
    if (offending->getText() == "\"") {
      // A later '"' (an escaped one) lies inside the same never-closed string: report it once.
      if (unterminated_string_reported_) return;
      unterminated_string_reported_ = true;
      Diagnostic d =
          makeDiagnostic(DiagCode::unterminated_string, tokenSpan(offending),
                         "unterminated string: no closing '\"' before the end of the file");
      d.label = "string starts here";
      d.help = "add the closing '\"' (write \\\" for a quote inside the string)";
      return emit(std::move(d));
    }
    Diagnostic d = makeDiagnostic(DiagCode::unexpected_token, tokenSpan(offending),
                                  "unexpected character " + quoteToken(offending));
    return emit(std::move(d));
  }

  if (at_eof) {
    for (auto* c = ctx; c; c = dynamic_cast<antlr4::ParserRuleContext*>(c->parent)) {
      if (auto* sql = dynamic_cast<LookMLParser::SqlMemberContext*>(c)) {
        Span key = tokenSpan(sql->SQL_KEY()->getSymbol());
        std::string name = sql->SQL_KEY()->getText();
        name = name.substr(0, name.find_first_of(" \t\r\n\f:"));
        Diagnostic d = makeDiagnostic(
            DiagCode::unterminated_sql, key,
            "unterminated SQL block: `" + name + "` has no ';;' before the end of the file");
        d.label = "this SQL block is never closed";
        d.help = "add ';;' after the SQL of `" + name + "`";
        return emit(std::move(d));
      }
      if (dynamic_cast<LookMLParser::BodyContext*>(c) ||
          dynamic_cast<LookMLParser::ListContext*>(c)) {
        bool is_list = dynamic_cast<LookMLParser::ListContext*>(c) != nullptr;
        Span open = tokenSpan(c->getStart());
        LineCol at = file_.lineCol(open.begin);
        std::string owner = ownerName(c);
        std::string what = is_list ? "list" : "block";
        std::string message = std::string("expected '") + (is_list ? "]" : "}") + "' to close " +
                              (owner.empty() ? "the " + what : "`" + owner + "`") + " opened at " +
                              std::to_string(at.line) + ":" + std::to_string(at.column) +
                              ", found the end of the file";
        Diagnostic d = makeDiagnostic(DiagCode::unclosed_block, open, message);
        d.label = "this " + what + " is never closed";
        d.help = std::string("add '") + (is_list ? "]" : "}") + "' where the " + what + " ends";
        // The innermost block open at the end is not always the one missing its '}': a '}'
        // forgotten earlier is taken by a later block. Indentation tells which one it was.
        antlr4::ParserRuleContext* outer = c;
        for (auto* p = c; p; p = dynamic_cast<antlr4::ParserRuleContext*>(p->parent)) {
          if (dynamic_cast<LookMLParser::MemberContext*>(p)) outer = p;
        }
        if (recognizer && outer->getStart()) {
          SuspectBlock suspect = findSuspectBlock(
              file_, recognizer->getTokenStream(), outer->getStart()->getTokenIndex(),
              [this](antlr4::Token* t) { return tokenSpan(t); });
          if (!suspect.owner.empty()) {
            auto pos = [](LineCol lc) {
              return std::to_string(lc.line) + ":" + std::to_string(lc.column);
            };
            d.notes.push_back(
                {suspect.opened_span, "this block may be missing its '}': `" + suspect.owner +
                                          "` at " + pos(suspect.opened) + ", the line at " +
                                          pos(suspect.returns) + " returns to its indentation"});
            d.help = "add '}' before line " + std::to_string(suspect.returns.line) + " to close `" +
                     suspect.owner + "`";
          }
        }
        return emit(std::move(d));
      }
    }
  }

  // Right after `key:` a value is missing.
  if (dynamic_cast<LookMLParser::KeyMemberContext*>(ctx) ||
      dynamic_cast<LookMLParser::ValueContext*>(ctx)) {
    auto* key_ctx = dynamic_cast<LookMLParser::KeyMemberContext*>(ctx);
    if (!key_ctx) key_ctx = dynamic_cast<LookMLParser::KeyMemberContext*>(ctx->parent);
    if (key_ctx && key_ctx->COLON() && key_ctx->LITERAL()) {
      std::string key = key_ctx->LITERAL()->getText();
      Diagnostic d =
          makeDiagnostic(DiagCode::missing_value, tokenSpan(offending),
                         "expected a value after `" + key + ":`, found " + quoteToken(offending));
      d.label = "expected a value here";
      d.help = "write `" + key + ": value`, `" + key + ": name { ... }` or `" + key + ": [...]`";
      return emit(std::move(d));
    }
  }

  std::string message =
      (extraneous ? "unexpected " : "expected " + describeExpected(expected) + ", found ") +
      quoteToken(offending);
  if (extraneous) message += "; expected " + describeExpected(expected);
  Diagnostic d = makeDiagnostic(DiagCode::unexpected_token, tokenSpan(offending), message);
  std::string owner;
  for (auto* c = ctx; c; c = dynamic_cast<antlr4::ParserRuleContext*>(c->parent)) {
    if (dynamic_cast<LookMLParser::BodyContext*>(c)) {
      owner = ownerName(c);
      break;
    }
  }
  if (!owner.empty()) d.label = "in `" + owner + "`";
  if (followsSqlEndOnItsLine(recognizer, offending)) {
    d.help =
        "a SQL block ends at the first ';;', even inside a quoted string, so the rest of "
        "this line is read as LookML; write the ';;' differently (e.g. `';' || ';'`)";
  } else if (offending->getType() == kColon) {
    d.help = "a key is a single name such as `sql_on`; quote values that contain ':'";
  } else if (expected.contains(static_cast<size_t>(kColon)) && offending->getType() == kLiteral) {
    d.help = "parameters are written `key: value`; is a ':' missing?";
  }
  emit(std::move(d));
}

void SyntaxErrorStrategy::reportStrayToken(antlr4::Token* token) {
  if (token->getType() == kRBrace || token->getType() == kRBracket) {
    Diagnostic d = makeDiagnostic(
        DiagCode::unexpected_close, tokenSpan(token),
        "unexpected " + quoteToken(token) + ": there is no open block or list to close");
    d.help = "remove it, or look for an extra closing bracket above";
    return emit(std::move(d));
  }
  if (token->getType() == kErrorChar) {
    antlr4::misc::IntervalSet none;
    return describe(nullptr, token, none, true);
  }
  Diagnostic d = makeDiagnostic(
      DiagCode::unexpected_token, tokenSpan(token),
      "unexpected " + quoteToken(token) + " at the top level; expected a parameter (`key: value`)");
  emit(std::move(d));
}

void SyntaxErrorStrategy::reportNoViableAlternative(antlr4::Parser* recognizer,
                                                    const antlr4::NoViableAltException& e) {
  describe(recognizer, e.getOffendingToken(), e.getExpectedTokens(), false);
}

void SyntaxErrorStrategy::reportInputMismatch(antlr4::Parser* recognizer,
                                              const antlr4::InputMismatchException& e) {
  describe(recognizer, e.getOffendingToken(), e.getExpectedTokens(), false);
}

void SyntaxErrorStrategy::reportFailedPredicate(antlr4::Parser* recognizer,
                                                const antlr4::FailedPredicateException& e) {
  describe(recognizer, e.getOffendingToken(), e.getExpectedTokens(), false);
}

void SyntaxErrorStrategy::reportUnwantedToken(antlr4::Parser* recognizer) {
  if (inErrorRecoveryMode(recognizer)) return;
  beginErrorCondition(recognizer);
  describe(recognizer, recognizer->getCurrentToken(), getExpectedTokens(recognizer), true);
}

void SyntaxErrorStrategy::reportMissingToken(antlr4::Parser* recognizer) {
  if (inErrorRecoveryMode(recognizer)) return;
  beginErrorCondition(recognizer);
  describe(recognizer, recognizer->getCurrentToken(), getExpectedTokens(recognizer), false);
}

// Where a value is expected, a closing bracket is structure, not noise: deleting the '}' of
// `type: }` would make the next member the value of `type` and misplace every later error.
// Report the missing value instead and let the bracket close its block.
antlr4::Token* SyntaxErrorStrategy::singleTokenDeletion(antlr4::Parser* recognizer) {
  size_t next = recognizer->getInputStream()->LA(1);
  antlr4::ParserRuleContext* ctx = recognizer->getContext();
  if ((next == kRBrace || next == kRBracket) &&
      (dynamic_cast<LookMLParser::ValueContext*>(ctx) ||
       dynamic_cast<LookMLParser::KeyMemberContext*>(ctx))) {
    return nullptr;
  }
  return DefaultErrorStrategy::singleTokenDeletion(recognizer);
}

// parse.cpp parses top-level members one at a time, outside `document : member* EOF`, so
// ANTLR's recovery set lacks what follows a member there and recovery after an error in a
// top-level member consumed the rest of the file. Add FOLLOW(member) of `document` back.
antlr4::misc::IntervalSet SyntaxErrorStrategy::getErrorRecoverySet(antlr4::Parser* recognizer) {
  antlr4::misc::IntervalSet set = DefaultErrorStrategy::getErrorRecoverySet(recognizer);
  set.add(static_cast<ssize_t>(kLiteral));
  set.add(static_cast<ssize_t>(kSqlKey));
  return set;
}

// In the `member*` loop of a block, skip an unexpected token and what belongs to it up to the
// next member (`name:` or a SQL key) or the closing '}', stepping over nested brackets. ANTLR
// would leave the block at the first iteration (losing the rest of it) and, at later ones,
// stop at the next name even when it is a value (`"label": x` resumed at `x`).
void SyntaxErrorStrategy::sync(antlr4::Parser* recognizer) {
  const antlr4::atn::ATN& atn = recognizer->getATN();
  antlr4::atn::ATNState* state = atn.states[recognizer->getState()];
  const size_t type = state->getStateType();
  if (inErrorRecoveryMode(recognizer) ||
      !dynamic_cast<LookMLParser::BodyContext*>(recognizer->getContext()) ||
      (type != antlr4::atn::ATNState::STAR_LOOP_ENTRY &&
       type != antlr4::atn::ATNState::STAR_LOOP_BACK)) {
    return DefaultErrorStrategy::sync(recognizer);
  }
  antlr4::TokenStream* input = recognizer->getTokenStream();
  if (atn.nextTokens(state).contains(input->LA(1))) return;
  reportUnwantedToken(recognizer);
  int depth = 0;
  for (size_t t = input->LA(1); t != antlr4::Token::EOF; t = input->LA(1)) {
    if (depth == 0 && (t == kRBrace || t == kSqlKey || (t == kLiteral && input->LA(2) == kColon))) {
      break;
    }
    if (t == kLBrace || t == kLBracket) ++depth;
    if ((t == kRBrace || t == kRBracket) && depth > 0) --depth;
    recognizer->consume();
  }
}

// A list holds only scalars: after an error in one, skip to the ']' that closes it (nested
// lists counted) instead of resynchronising at the next name, which inside a list is an item.
void SyntaxErrorStrategy::recover(antlr4::Parser* recognizer, std::exception_ptr e) {
  if (!dynamic_cast<LookMLParser::ListContext*>(recognizer->getContext())) {
    return DefaultErrorStrategy::recover(recognizer, e);
  }
  antlr4::TokenStream* input = recognizer->getTokenStream();
  int depth = 0;
  for (size_t t = input->LA(1); t != antlr4::Token::EOF; t = input->LA(1)) {
    if (t == kLBrace || t == kRBrace || t == kSqlKey) break;  // the list was not closed
    recognizer->consume();
    if (t == kLBracket) ++depth;
    if (t == kRBracket && depth-- == 0) break;
  }
}

}  // namespace lkml::grammar
