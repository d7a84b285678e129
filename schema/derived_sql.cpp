#include "schema/derived_sql.h"

#include <algorithm>
#include <cctype>

#include "catalog/identifier.h"
#include "schema/sql_text.h"

namespace lkml::schema {

namespace {

constexpr int kMaxDepth = 32;

std::string trimmed(std::string_view s) {
  TextRange r = trimRange(s, {0, s.size()});
  return std::string(s.substr(r.begin, r.end - r.begin));
}

// Strips whitespace and trailing semicolons.
std::string_view stripEnd(std::string_view s) {
  while (!s.empty() && (std::isspace(static_cast<unsigned char>(s.back())) || s.back() == ';')) {
    s.remove_suffix(1);
  }
  return s;
}

struct Expander {
  const semantic::Model& model;
  std::vector<std::string> stack;                         // views being expanded (cycle detection)
  std::vector<std::pair<std::string, std::string>> ctes;  // (name, body), dependencies first
  std::string reason;

  // Expands one view's derived SQL. `pieces` (may be null) receives verbatim runs.
  bool body(const semantic::View& view, std::string* out, std::vector<ExpandedSql::Piece>* pieces) {
    if (static_cast<int>(stack.size()) >= kMaxDepth) {
      reason = "derived tables are nested too deeply";
      return false;
    }
    if (std::find(stack.begin(), stack.end(), view.name) != stack.end()) {
      reason = "derived tables reference each other in a cycle through `" + view.name + "`";
      return false;
    }
    stack.push_back(view.name);
    std::string_view sql = stripEnd(view.derived_table_sql.text);
    size_t copy_from = 0;
    auto flush = [&](size_t until) {
      if (until <= copy_from) return;
      if (pieces) pieces->push_back({out->size(), copy_from, until - copy_from});
      out->append(sql.substr(copy_from, until - copy_from));
    };
    size_t i = 0;
    bool ok = true;
    while (ok && i < sql.size()) {
      char c = sql[i];
      if (c == '\'' || c == '"') {  // literals are copied as they are
        char quote = c;
        ++i;
        while (i < sql.size() && sql[i] != quote) ++i;
        ++i;
        continue;
      }
      if (sql.compare(i, 2, "${") == 0) {
        size_t close = sql.find('}', i + 2);
        if (close == std::string_view::npos) break;
        std::string inner = trimmed(sql.substr(i + 2, close - i - 2));
        flush(i);
        ok = reference(inner, out);
        i = close + 1;
        copy_from = i;
        continue;
      }
      if (sql.compare(i, 2, "{%") == 0) {
        size_t close = sql.find("%}", i + 2);
        if (close == std::string_view::npos) break;
        std::string tag = trimmed(sql.substr(i + 2, close - i - 2));
        if (!tag.empty() && tag.front() == '-') tag = trimmed(tag.substr(1));
        if (!tag.empty() && tag.back() == '-') tag = trimmed(tag.substr(0, tag.size() - 1));
        flush(i);
        size_t end = close + 2;
        ok = liquidTag(view, tag, sql, &end, out);
        i = end;
        copy_from = i;
        continue;
      }
      if (sql.compare(i, 2, "{{") == 0) {
        reason = "it uses Liquid output (`{{ ... }}`), whose value depends on the query";
        ok = false;
        break;
      }
      ++i;
    }
    if (ok) flush(sql.size());
    stack.pop_back();
    return ok;
  }

  bool reference(const std::string& inner, std::string* out) {
    size_t dot = inner.find('.');
    if (dot == std::string::npos ||
        inner.compare(dot + 1, std::string::npos, "SQL_TABLE_NAME") != 0) {
      reason = "it uses `${" + inner + "}`, which only has a meaning inside a query";
      return false;
    }
    std::string name = inner.substr(0, dot);
    const semantic::View* target = model.findView(name);
    if (!target) {
      reason = "it uses `${" + inner + "}`, but there is no view `" + name + "`";
      return false;
    }
    if (target->sql_table_name.present() || !target->has_derived_table) {
      std::string table = plainTableName(*target);
      if (hasTemplating(table) || table.find("${") != std::string::npos) {
        reason = "the table of view `" + name + "` uses Liquid or constants";
        return false;
      }
      out->append(table);
      return true;
    }
    if (target->native_derived_table) {
      reason = "it uses native derived table `" + name + "` (explore_source)";
      return false;
    }
    bool known =
        std::any_of(ctes.begin(), ctes.end(), [&](const auto& c) { return c.first == name; });
    if (!known) {
      std::string dep;
      if (!body(*target, &dep, nullptr)) return false;
      ctes.emplace_back(name, std::move(dep));
    }
    out->append(catalog::formatIdentifier(name));
    return true;
  }

  bool liquidTag(const semantic::View& view, const std::string& tag, std::string_view sql,
                 size_t* end, std::string* out) {
    std::string word = tag.substr(0, tag.find_first_of(" \t\n"));
    std::string arg = trimmed(tag.size() > word.size() ? std::string_view(tag).substr(word.size())
                                                       : std::string_view());
    if (word == "condition") {
      size_t close = sql.find("endcondition", *end);
      size_t tag_close = close == std::string_view::npos ? close : sql.find("%}", close);
      if (tag_close == std::string_view::npos) {
        reason = "`{% condition %}` has no `{% endcondition %}`";
        return false;
      }
      *end = tag_close + 2;
      out->append("1=1");
      return true;
    }
    if (word == "date_start" || word == "date_end") {
      out->append("NULL");
      return true;
    }
    if (word == "parameter") {
      std::string name = arg.substr(arg.find('.') == std::string::npos ? 0 : arg.find('.') + 1);
      const semantic::Field* p = view.findField(name);
      if (!p || p->kind != semantic::FieldKind::Parameter || p->details().default_value.empty()) {
        reason = "it uses `{% parameter " + arg + " %}` without a default_value";
        return false;
      }
      if (p->type == "string") {
        std::string literal = "'";
        for (char c : p->details().default_value)
          literal += c == '\'' ? std::string("''") : std::string(1, c);
        out->append(literal + "'");
      } else {
        out->append(p->details().default_value);
      }
      return true;
    }
    reason = "it uses the Liquid tag `{% " + word + " %}`, whose output depends on the query";
    return false;
  }
};

bool startsWithWith(std::string_view sql, size_t* after) {
  size_t i = 0;
  while (i < sql.size() && std::isspace(static_cast<unsigned char>(sql[i]))) ++i;
  if (sql.size() - i < 5) return false;
  std::string word;
  for (size_t k = 0; k < 4; ++k)
    word += static_cast<char>(std::tolower(static_cast<unsigned char>(sql[i + k])));
  if (word != "with" || !std::isspace(static_cast<unsigned char>(sql[i + 4]))) return false;
  i += 4;
  size_t j = i;
  while (j < sql.size() && std::isspace(static_cast<unsigned char>(sql[j]))) ++j;
  std::string next;
  for (size_t k = j; k < sql.size() && k < j + 9; ++k) {
    next += static_cast<char>(std::tolower(static_cast<unsigned char>(sql[k])));
  }
  if (next == "recursive" && j + 9 < sql.size() &&
      std::isspace(static_cast<unsigned char>(sql[j + 9]))) {
    i = j + 9;
  }
  *after = i;
  return true;
}

}  // namespace

std::string plainTableName(const semantic::View& view) {
  if (!view.sql_table_name.present()) return view.name;
  return std::string(stripEnd(trimmed(view.sql_table_name.text)));
}

std::optional<size_t> ExpandedSql::sourceOffset(size_t out_offset) const {
  for (const Piece& p : pieces) {
    if (out_offset >= p.out_begin && out_offset < p.out_begin + p.length) {
      return p.src_begin + (out_offset - p.out_begin);
    }
  }
  // Just past the end of a piece (e.g. "syntax error at end of input").
  for (const Piece& p : pieces) {
    if (p.length > 0 && out_offset == p.out_begin + p.length) return p.src_begin + p.length - 1;
  }
  return std::nullopt;
}

ExpandedSql expandDerivedTable(const semantic::Model& model, const semantic::View& view) {
  ExpandedSql result;
  if (view.native_derived_table) {
    result.reason = "it is a native derived table (explore_source)";
    return result;
  }
  Expander expander{model, {}, {}, {}};
  std::string main;
  std::vector<ExpandedSql::Piece> pieces;
  if (!expander.body(view, &main, &pieces)) {
    result.reason = expander.reason;
    return result;
  }
  if (expander.ctes.empty()) {
    result.sql = std::move(main);
    result.pieces = std::move(pieces);
    result.ok = true;
    return result;
  }
  std::string ctes;
  for (size_t k = 0; k < expander.ctes.size(); ++k) {
    const auto& [name, sql] = expander.ctes[k];
    result.dependencies.push_back(name);
    ctes += (k ? ",\n" : "") + catalog::formatIdentifier(name) + " AS (\n" + sql + "\n)";
  }
  size_t insert_at = 0;
  std::string insert;
  if (startsWithWith(main, &insert_at)) {
    insert = " " + ctes + ",";
  } else {
    insert = "WITH " + ctes + "\n";
  }
  // Shift (and if needed split) the pieces around the insertion point.
  std::vector<ExpandedSql::Piece> shifted;
  for (const auto& p : pieces) {
    if (p.out_begin + p.length <= insert_at) {
      shifted.push_back(p);
    } else if (p.out_begin >= insert_at) {
      shifted.push_back({p.out_begin + insert.size(), p.src_begin, p.length});
    } else {
      size_t head = insert_at - p.out_begin;
      shifted.push_back({p.out_begin, p.src_begin, head});
      shifted.push_back({insert_at + insert.size(), p.src_begin + head, p.length - head});
    }
  }
  result.sql = main.substr(0, insert_at) + insert + main.substr(insert_at);
  result.pieces = std::move(shifted);
  result.ok = true;
  return result;
}

}  // namespace lkml::schema
