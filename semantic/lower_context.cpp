#include "semantic/lower_context.h"

#include <algorithm>

#include "base/suggest.h"
#include "semantic/semantic_diagnostics.h"

namespace lkml::semantic {

std::string LowerContext::expand(std::string_view text, Span span) {
  if (text.find("@{") == std::string_view::npos) return std::string(text);
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    size_t at = text.find("@{", i);
    if (at == std::string_view::npos) break;
    size_t close = text.find('}', at + 2);
    if (close == std::string_view::npos) break;
    out.append(text.substr(i, at - i));
    std::string name(text.substr(at + 2, close - at - 2));
    auto it = constants_.find(name);
    if (it != constants_.end()) {
      out += it->second.value;
    } else {
      Span where = span;
      if (span.valid() && span.size() >= text.size()) {
        where = {span.file, span.begin + static_cast<uint32_t>(at),
                 span.begin + static_cast<uint32_t>(close + 1)};
      }
      Diagnostic d =
          makeSemDiagnostic(SemCode::unknown_constant, where, "unknown constant `@{" + name + "}`");
      std::vector<std::string> names;
      for (const auto& [n, c] : constants_) names.push_back(n);
      std::string near = closestMatch(name, names);
      d.help = near.empty()
                   ? "define it in manifest.lkml: constant: " + name + " { value: \"...\" }"
                   : "did you mean `@{" + near + "}`?";
      sink_.report(std::move(d));
      out.append(text.substr(at, close + 1 - at));
    }
    i = close + 1;
  }
  out.append(text.substr(i));
  return out;
}

std::string LowerContext::text(const syntax::Node& node) {
  if (node.isSql() && !node.children.empty()) return extendedText(node);
  if (node.isSql()) return expand(node.sql, node.sql_span);
  if (node.isPair()) {
    return expand(node.value.quoted() ? node.value.unescaped() : std::string(node.value.text),
                  node.value.span);
  }
  if (node.isBlock() && node.value.present()) return std::string(node.value.text);
  return "";
}

std::string LowerContext::extendedText(const syntax::Node& node) {
  // The chain child -> parent -> grandparent (node_merge keeps each replaced SQL node as the
  // child of its replacement), folded from the oldest without recursion. A result that grows
  // past 1 MB keeps its `${EXTENDED}`, which the query compiler then reports.
  std::vector<const syntax::Node*> chain;
  for (const syntax::Node* n = &node; n && n->isSql();
       n = n->children.empty() ? nullptr : &n->children[0]) {
    chain.push_back(n);
  }
  std::string acc = expand(chain.back()->sql, chain.back()->sql_span);
  for (size_t i = chain.size() - 1; i-- > 0;) {
    std::string own = expand(chain[i]->sql, chain[i]->sql_span);
    std::string out;
    size_t pos = 0;
    for (size_t at = own.find("${EXTENDED}"); at != std::string::npos;
         at = own.find("${EXTENDED}", pos)) {
      out += own.substr(pos, at - pos);
      out += out.size() + acc.size() > (1u << 20) ? std::string("${EXTENDED}") : acc;
      pos = at + 11;
    }
    out += own.substr(pos);
    acc = std::move(out);
  }
  return acc;
}

SourceText LowerContext::sourceText(const syntax::Node& node) {
  SourceText out;
  out.text = text(node);
  out.span = node.isSql() ? node.sql_span : node.value.span;
  if (!out.span.valid()) out.span = node.span;
  return out;
}

bool LowerContext::yesNo(const syntax::Node& node, bool fallback) {
  std::string value = text(node);
  if (value == "yes") return true;
  if (value == "no") return false;
  checkEnum(node, value, {"yes", "no"}, "`" + std::string(node.key) + "`");
  return fallback;
}

std::vector<std::string> LowerContext::list(const syntax::Node& node) {
  std::vector<std::string> out;
  if (node.isList()) {
    for (const auto& item : node.items) {
      out.push_back(
          expand(item.value.quoted() ? item.value.unescaped() : std::string(item.value.text),
                 item.value.span));
    }
  } else if (node.isPair()) {
    out.push_back(text(node));  // `extends: base` without brackets
  }
  return out;
}

std::vector<Span> LowerContext::listSpans(const syntax::Node& node) {
  std::vector<Span> out;
  if (node.isList()) {
    for (const auto& item : node.items) out.push_back(item.value.span);
  } else if (node.isPair()) {
    out.push_back(node.value.span);
  }
  return out;
}

bool LowerContext::checkEnum(const syntax::Node& node, const std::string& value,
                             const std::vector<std::string>& allowed, const std::string& what) {
  if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return true;
  if (value.find("@{") != std::string::npos || value.find("{{") != std::string::npos) return true;
  Span span = node.isPair() ? node.value.span : node.span;
  const syntax::Scalar* written = node.isPair() ? &node.value : nullptr;
  if (node.isList()) {  // point at the offending item of `timeframes: [...]`, `intervals: [...]`
    for (const auto& item : node.items) {
      if (item.value.text == value || item.value.unescaped() == value) {
        span = item.value.span;
        written = &item.value;
        break;
      }
    }
  }
  Diagnostic d =
      makeSemDiagnostic(SemCode::invalid_value, span, "invalid value `" + value + "` for " + what);
  std::string near = closestMatch(value, allowed);
  if (!near.empty()) {
    d.help = "did you mean `" + near + "`?";
    if (written && written->span.valid()) {
      d.fixes.push_back({written->span, written->quoted() ? "\"" + near + "\"" : near});
    }
  } else {
    std::string options;
    for (size_t i = 0; i < allowed.size() && i < 12; ++i) options += (i ? ", " : "") + allowed[i];
    d.help = "expected one of: " + options + (allowed.size() > 12 ? ", ..." : "");
  }
  sink_.report(std::move(d));
  return false;
}

}  // namespace lkml::semantic
