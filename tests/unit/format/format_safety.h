// The safety properties of `lkml fmt`, checked independently of the formatter's own code:
// formatting is idempotent, keeps the meaning (the `lkml dump --json` tree, and a stricter
// digest that also sees order, repeated keys and quoting) and keeps every comment in order.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "format/formatter.h"
#include "grammar/parse.h"
#include "grammar/tree_dump.h"

namespace lkml::test {

/// SQL-like text compared without line-end whitespace and with LF line ends: the formatter
/// may drop whitespace at the end of a line of a `;;` block, nothing else.
inline std::string withoutLineEndSpace(std::string_view text) {
  std::string out;
  std::string line;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '\n') {
      while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r' ||
                               line.back() == '\f')) {
        line.pop_back();
      }
      out += line;
      if (i < text.size()) out += '\n';
      line.clear();
    } else {
      line += text[i];
    }
  }
  return out;
}

inline bool isSqlKey(const std::string& key) {
  return key.rfind("sql", 0) == 0 || key.rfind("html", 0) == 0 || key.rfind("expr", 0) == 0;
}

/// `lkml dump --json` of a document with the text of `;;` blocks normalised (no recursion:
/// the tree can be deep).
inline nlohmann::ordered_json meaningJson(const syntax::Document& doc) {
  nlohmann::ordered_json root = grammar::toLkmlJson(doc);
  std::vector<std::pair<nlohmann::ordered_json*, bool>> stack = {{&root, false}};
  while (!stack.empty()) {
    auto [json, sql] = stack.back();
    stack.pop_back();
    if (json->is_string() && sql) {
      *json = withoutLineEndSpace(json->get<std::string>());
    } else if (json->is_object()) {
      for (auto it = json->begin(); it != json->end(); ++it) {
        stack.push_back({&it.value(), isSqlKey(it.key())});
      }
    } else if (json->is_array()) {
      for (auto& element : *json) stack.push_back({&element, sql});
    }
  }
  return root;
}

/// Every node in order with its kind, key, quoting and exact scalar text (the JSON dump keeps
/// only the last of a repeated key and does not show quoting).
inline std::string treeDigest(const syntax::Document& doc) {
  std::string out;
  auto scalar = [&](const syntax::Scalar& s) {
    out += s.quoted() ? "\"" : "'";
    out += s.text;
    out += s.quoted() ? "\"" : "'";
  };
  std::vector<std::pair<const syntax::Node*, int>> stack;
  for (auto it = doc.members.rbegin(); it != doc.members.rend(); ++it) stack.push_back({&*it, 0});
  while (!stack.empty()) {
    auto [node, depth] = stack.back();
    stack.pop_back();
    if (!node) {
      out += "}\n";
      continue;
    }
    out += std::to_string(depth) + " " + std::string(node->key) + " ";
    switch (node->kind) {
      case syntax::NodeKind::Pair:
        scalar(node->value);
        break;
      case syntax::NodeKind::Sql:
        out += "sql<" + withoutLineEndSpace(node->sql) + ">";
        break;
      case syntax::NodeKind::List:
        for (const auto& item : node->items) {
          scalar(item.value);
          if (item.map_value.present()) {
            out += ":";
            scalar(item.map_value);
          }
          out += ",";
        }
        break;
      case syntax::NodeKind::Block:
        if (node->value.present()) scalar(node->value);
        out += "{";
        stack.push_back({nullptr, depth});
        for (auto it = node->children.rbegin(); it != node->children.rend(); ++it) {
          stack.push_back({&*it, depth + 1});
        }
        break;
    }
    out += "\n";
  }
  return out;
}

inline std::vector<std::string> commentTexts(const syntax::Document& doc) {
  std::vector<std::string> texts;
  for (const syntax::Comment& c : doc.comments) {
    std::string text(c.text);
    // The formatter drops whitespace at the end of a comment, as at the end of any line.
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\f' ||
                             text.back() == '\r')) {
      text.pop_back();
    }
    texts.push_back(text);
  }
  return texts;
}

struct FormatCheck {
  bool ok = false;        // the formatter accepted the input (no syntax error)
  std::string formatted;  // its output
  std::string problems;   // empty when every safety property holds
  size_t comments = 0;    // comments in the input (all found again in the output)
};

/// Formats `text` and checks the safety properties; with `options` for narrow-width tests.
inline FormatCheck checkFormat(const std::string& text, const std::string& path = "test.lkml",
                               const format::FormatOptions& options = {}) {
  FormatCheck check;
  SourceMap sources;
  const SourceFile& original = sources.add(path, text);
  DiagnosticBag original_diagnostics;
  syntax::Document before = grammar::parse(original, original_diagnostics);
  DiagnosticBag format_diagnostics;
  format::FormatResult result = format::formatFile(original, format_diagnostics, options);
  check.ok = result.ok;
  if (!result.ok) {
    if (!original_diagnostics.hasErrors() && before.complete) {
      check.problems += "refused a file without syntax errors\n";
    }
    return check;
  }
  check.formatted = result.text;
  const SourceFile& formatted = sources.add(path + " (formatted)", result.text);
  DiagnosticBag after_diagnostics;
  syntax::Document after = grammar::parse(formatted, after_diagnostics);
  if (!after.complete || after_diagnostics.hasErrors()) {
    check.problems += "the formatted text has syntax errors\n";
    return check;
  }
  if (meaningJson(before) != meaningJson(after)) check.problems += "dump --json differs\n";
  if (treeDigest(before) != treeDigest(after)) check.problems += "tree digest differs\n";
  if (commentTexts(before) != commentTexts(after)) check.problems += "comments differ\n";
  check.comments = before.comments.size();
  DiagnosticBag again_diagnostics;
  format::FormatResult again = format::formatFile(formatted, again_diagnostics, options);
  if (!again.ok || again.text != result.text) check.problems += "not idempotent\n";
  return check;
}

}  // namespace lkml::test
