// SqlExpander::expandText: the text of a SQL parameter is rendered as Liquid first, against the
// query (LiquidEnvironment); then `${...}` is substituted in the template's own text only. The
// Liquid evaluator returns segments, so what a user supplied never becomes template text:
// user text is written here as escaped literals (or plain numbers), in a way that depends on
// where it lands in the SQL (sql_lexical_state.h), and is never scanned for `${}` or Liquid.
#include <cctype>

#include "codegen/liquid_environment.h"
#include "codegen/sql_expander.h"
#include "codegen/sql_lexical_state.h"
#include "liquid/parser.h"

namespace lkml::codegen {

using semantic::ScopeEntry;

namespace {

std::string trimmed(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

// A short quote of the template around [begin, end) for messages.
std::string excerpt(const std::string& sql, size_t begin, size_t end) {
  end = std::min(std::max(end, begin), sql.size());
  std::string text = sql.substr(begin, std::min<size_t>(end - begin, 80));
  for (char& c : text) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return text;
}

}  // namespace

// Writes rendered segments as SQL. A value that lands inside a '...' literal closes the literal
// (or replaces it, when the template opened it right before) and is concatenated as its own
// literal; `reopen_` then remembers how to reopen the template's literal, unless the template
// text that follows closes it itself (so '{{ v }}' is exactly one literal).
class SqlTemplateWriter {
 public:
  SqlTemplateWriter(SqlExpander& expander, const ScopeEntry* owner, LiquidEnvironment& env,
                    const std::string& source)
      : ex_(expander), ctx_(expander.ctx_), owner_(owner), env_(env), source_(source) {}

  std::string write(const std::vector<liquid::Segment>& segments) {
    for (const liquid::Segment& s : segments) {
      if (failed_) break;
      switch (s.kind) {
        case liquid::Segment::Kind::Text:
          text_ += s.text;
          break;
        case liquid::Segment::Kind::User:
          flushText();
          value(s.text, false, s);
          break;
        case liquid::Segment::Kind::Number:
          flushText();
          value(s.text, true, s);
          break;
        case liquid::Segment::Kind::Tag:
          flushText();
          tag(s);
          break;
      }
    }
    flushText();
    if (!reopen_.empty()) out_ += " || " + reopen_;
    return out_;
  }

 private:
  std::string where() const {
    return ex_.stack_.empty() ? "explore `" + ctx_.explore.name + "`"
                              : "`" + ex_.stack_.back() + "`";
  }

  void fail(QueryCode code, const std::string& message, const liquid::Segment& s,
            const std::string& help = "") {
    if (!failed_) {
      ctx_.error(
          code, message + " (Liquid `" + excerpt(source_, s.begin, s.end) + "` in " + where() + ")",
          help);
    }
    failed_ = true;
    out_ += "NULL";
  }

  void flushText() {
    if (text_.empty()) return;
    std::string expanded = ex_.expandReferences(owner_, text_);
    text_.clear();
    if (expanded.empty()) return;
    if (!reopen_.empty()) {
      // The template closes the literal a value was written into: nothing to reopen.
      if (expanded[0] == '\'' && (expanded.size() == 1 || expanded[1] != '\'')) {
        expanded.erase(0, 1);
      } else {
        out_ += " || " + reopen_;
      }
      reopen_.clear();
    }
    out_ += expanded;
  }

  // A space keeps a literal or number from joining what precedes it (`x'v'`, `a1`, `--1`).
  void separate() {
    if (out_.empty()) return;
    unsigned char c = static_cast<unsigned char>(out_.back());
    if (std::isalnum(c) || c == '_' || c == '$' || c >= 0x80 || c == '\'' || c == '"' || c == '.') {
      out_ += ' ';
    }
  }

  std::string literal(const std::string& text, const liquid::Segment& s) {
    if (!ctx_.dialect.canRepresentString(text)) {
      fail(QueryCode::invalid_query, "a value contains a character SQL cannot hold", s);
      return "NULL";
    }
    return ctx_.dialect.stringLiteral(text);
  }

  void value(const std::string& text, bool number, const liquid::Segment& s) {
    if (!reopen_.empty()) {  // still (logically) inside the template's literal
      out_ += " || " + literal(text, s);
      return;
    }
    SqlLexicalState state = lexicalStateAtEnd(out_, ctx_.dialect.lexicalDialect());
    switch (state.position) {
      case SqlPosition::Code:
        separate();
        if (number || (s.kind == liquid::Segment::Kind::User && isPlainNumber(text))) {
          // Negative numbers in parentheses: `0-{{ x }}` must not become the comment `0--1`.
          out_ += text[0] == '-' ? "(" + text + ")" : text;
        } else {
          out_ += literal(text, s);
        }
        return;
      case SqlPosition::StringLiteral:
      case SqlPosition::EString: {
        std::string opening(literalOpening(out_, state));
        if (state.literal_empty) {
          out_.erase(state.literal_start);
        } else {
          out_ += "' || ";
        }
        out_ += literal(text, s);
        reopen_ = opening;
        return;
      }
      default:
        fail(QueryCode::unsafe_liquid_position,
             "a value from the query or the user is written inside a SQL comment, a quoted "
             "identifier, a dollar-quoted or special string, or after a backslash whose meaning "
             "depends on standard_conforming_strings, where lkml cannot escape it",
             s, "move it into plain SQL code or into an ordinary '...' string literal");
    }
  }

  bool inCode(const liquid::Segment& s) {
    if (reopen_.empty() &&
        lexicalStateAtEnd(out_, ctx_.dialect.lexicalDialect()).position == SqlPosition::Code) {
      return true;
    }
    fail(QueryCode::unsafe_liquid_position,
         "`{% " + s.tag + " %}` is written inside a string literal, comment or quoted name", s,
         "write it where a SQL expression may stand");
    return false;
  }

  void tag(const liquid::Segment& s) {
    std::string error;
    if (s.tag == "incrementcondition") {
      // lkml builds every derived table in full: the increment condition holds for all rows.
      if (!inCode(s)) return;
      separate();
      out_ += "1=1";
    } else if (s.tag == "condition") {
      if (!inCode(s)) return;
      SqlTemplateWriter inner(ex_, owner_, env_, source_);
      std::string target = trimmed(inner.write(s.body));
      if (inner.failed_) {
        failed_ = true;
        return;
      }
      std::string name = s.argument.empty() ? (ex_.stack_.empty() ? ownFilter() : ex_.stack_.back())
                                            : env_.qualify(s.argument);
      std::string predicate;
      auto it = ctx_.filters.find(name);
      if (it != ctx_.filters.end() && it->second.target) {
        auto parsed = parseFilterExpression(it->second.expression,
                                            SqlExpander::filterTypeOf(*it->second.target));
        if (auto* error_info = std::get_if<FilterError>(&parsed)) {
          ctx_.error(
              error_info->code,
              "invalid filter for `" + name + "` used by `{% condition %}`: " + error_info->message,
              error_info->hint);
          failed_ = true;
          return;
        }
        predicate = renderFilter(std::get<FilterExpr>(parsed), "(" + target + ")", ctx_.dialect,
                                 ctx_.filter_context);
      }
      separate();
      out_ += predicate.empty() ? "1=1" : "(" + predicate + ")";
    } else if (s.tag == "parameter") {
      ParameterValue p;
      if (!env_.parameter(s.argument, &p, &error)) return fail(env_.errorCode(), error, s);
      if (p.type == "unquoted") {
        if (!env_.checkUnquoted(p, &error)) return fail(env_.errorCode(), error, s);
        flushText();
        text_ = p.value;  // an allowed value (written by the developer) or a plain identifier
        flushText();
      } else if (p.type == "number") {
        if (!isPlainNumber(p.value)) {
          return fail(QueryCode::invalid_parameter_value,
                      "parameter `" + p.name + "` (number) must be a number, got `" + p.value + "`",
                      s);
        }
        value(p.value, true, s);
      } else {
        value(p.value, false, s);
      }
    } else if (s.tag == "date_start" || s.tag == "date_end") {
      if (!inCode(s)) return;
      separate();
      out_ += dateBound(s, s.tag == "date_start");
    }
  }

  // A nameless `{% condition %}` outside any field being expanded is in the SQL of a `filter:`
  // field used as a WHERE condition: the filter of the owner's view whose SQL this is.
  std::string ownFilter() const {
    for (const auto& [name, filter] : ctx_.filters) {
      if (filter.target && filter.entry && owner_ && filter.entry->alias == owner_->alias &&
          filter.target->kind == semantic::FieldKind::Filter &&
          filter.target->sql.text == source_) {
        return name;
      }
    }
    return "";
  }

  // The first instant (date_start) or the exclusive end (date_end) of the date filter on the
  // field, as SQL; NULL when the field is not filtered or the bound is open, as in Looker.
  std::string dateBound(const liquid::Segment& s, bool start) {
    auto it = ctx_.filters.find(env_.qualify(s.argument));
    if (it == ctx_.filters.end() || !it->second.target) return "NULL";
    auto parsed = parseFilterExpression(it->second.expression, FilterType::Date);
    const auto* expr = std::get_if<FilterExpr>(&parsed);
    const auto* dates = expr ? std::get_if<DateFilter>(&expr->body) : nullptr;
    if (!dates || dates->terms.size() != 1) {
      if (!expr)
        fail(QueryCode::invalid_query, "the filter on `" + s.argument + "` is not a date filter",
             s);
      return "NULL";
    }
    const DateTerm& term = dates->terms[0];
    auto moment = [&](const DateMoment& m) {
      std::string now = ctx_.dialect.currentTimestamp(ctx_.filter_context.queryTimeZone);
      switch (m.kind) {
        case DateMoment::Kind::Absolute:
          return ctx_.dialect.timestampLiteral(m.time.iso());
        case DateMoment::Kind::Now:
          return now;
        case DateMoment::Kind::Relative:
          return ctx_.dialect.addInterval(
              ctx_.dialect.truncate(m.unit, now, ctx_.filter_context.weekStartDay), m.offset,
              m.unit);
      }
      return now;
    };
    switch (term.kind) {
      case DateTerm::Kind::Range:
        if (start) return moment(term.start);
        if (const auto* m = std::get_if<DateMoment>(&term.end)) return moment(*m);
        {
          const auto& length = std::get<DateLength>(term.end);
          return ctx_.dialect.addInterval(moment(term.start), length.count, length.unit);
        }
      case DateTerm::Kind::After:
        return start ? moment(term.start) : "NULL";
      case DateTerm::Kind::Before:
        return start ? "NULL" : moment(term.start);
      default:
        return "NULL";
    }
  }

  SqlExpander& ex_;
  CompileContext& ctx_;
  const ScopeEntry* owner_;
  LiquidEnvironment& env_;
  const std::string& source_;
  std::string out_, text_, reopen_;
  bool failed_ = false;
};

std::string SqlExpander::expandText(const ScopeEntry* owner, const std::string& sql) {
  if (!liquid::hasLiquid(sql)) return expandReferences(owner, sql);
  std::string where =
      stack_.empty() ? "explore `" + ctx_.explore.name + "`" : "`" + stack_.back() + "`";
  liquid::ParseResult parsed = liquid::parseTemplate(sql);
  if (!parsed.ok()) {
    const liquid::LiquidError& e = *parsed.error;
    ctx_.error(QueryCode::liquid_syntax_error,
               "Liquid in " + where + " does not parse: " + e.message + " (at `" +
                   excerpt(sql, e.begin, std::max(e.end, e.begin + 20)) + "`)",
               e.hint.empty() ? "run `lkml lint` for the exact position" : e.hint);
    return "NULL";
  }
  LiquidEnvironment env(ctx_, owner, stack_.empty() ? "" : stack_.back());
  liquid::EvalResult result = liquid::evaluate(parsed.tmpl, env);
  if (!result.ok()) {
    const liquid::EvalError& e = *result.error;
    ctx_.error(env.errorCode(),
               e.message + " (Liquid `" + excerpt(sql, e.begin, e.end) + "` in " + where + ")",
               e.hint);
    return "NULL";
  }
  SqlTemplateWriter writer(*this, owner, env, sql);
  return writer.write(result.segments);
}

std::string SqlExpander::expandReferences(const ScopeEntry* owner, const std::string& sql) {
  std::string out;
  out.reserve(sql.size());
  size_t i = 0;
  while (i < sql.size()) {
    if (sql.compare(i, 2, "${") != 0) {
      out += sql[i++];
      continue;
    }
    size_t close = sql.find('}', i + 2);
    if (close == std::string::npos) {
      ctx_.error(QueryCode::query_reference_error,
                 "`${` without a closing `}` in `" + trimmed(sql) + "`");
      return out;
    }
    std::string inner = trimmed(std::string_view(sql).substr(i + 2, close - i - 2));
    i = close + 1;
    const ScopeEntry* self = owner ? owner : ctx_.scope.find(ctx_.explore.alias);
    if (inner == "TABLE") {
      if (self) ctx_.aliases.insert(self->alias);
      out += self ? self->alias : ctx_.explore.alias;
    } else if (inner == "EXTENDED") {
      // Lowering replaced every `${EXTENDED}` that has a parent value (semantic/node_merge).
      ctx_.error(
          QueryCode::extended_without_parent,
          "`${EXTENDED}` in " +
              (stack_.empty() ? std::string("a view's table SQL") : "`" + stack_.back() + "`") +
              " has no parent value: the view extends no view that sets this parameter",
          "remove `${EXTENDED}`, or extend the view that defines the parameter");
    } else if (size_t dot = inner.find('.'); dot == std::string::npos) {
      out += reference(self, "", inner, true);
    } else if (inner.substr(dot + 1) == "SQL_TABLE_NAME") {
      std::string view_name = inner.substr(0, dot);
      const ScopeEntry* entry = ctx_.scope.find(view_name);
      const semantic::View* view = ctx_.model.findView(view_name);
      if (entry && entry->view) {
        out += tableSql(*entry);
      } else if (view) {
        ScopeEntry temp{view_name, view, nullptr, 0};
        out += tableSql(temp);
      } else {
        ctx_.error(QueryCode::query_reference_error,
                   "`${" + inner + "}` names unknown view `" + view_name + "`");
      }
    } else {
      out += reference(self, inner.substr(0, dot), inner.substr(dot + 1), false);
    }
  }
  return out;
}

}  // namespace lkml::codegen
