#include "base/rule_docs.h"

#include <cctype>
#include <cstdio>
#include <string_view>

#include "base/diagnostic.h"

namespace lkml {

extern const char* const kDiagnosticsMarkdown;

namespace {

std::string githubAnchor(std::string_view heading) {
  std::string anchor;
  for (char c : heading) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '-' || c == '_') {
      anchor += static_cast<char>(std::tolower(u));
    } else if (c == ' ') {
      anchor += '-';
    }
  }
  return anchor;
}

std::string trimmed(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

}  // namespace

std::optional<RuleDoc> findRuleDoc(int code) {
  std::string_view doc = kDiagnosticsMarkdown;
  char prefix[24];
  std::snprintf(prefix, sizeof prefix, "\n## LKML%03d ", code);
  size_t at = doc.find(prefix);
  if (at == std::string_view::npos) return std::nullopt;
  size_t begin = at + 1;
  size_t heading_end = doc.find('\n', begin);
  if (heading_end == std::string_view::npos) heading_end = doc.size();
  // The section ends at the next heading of level 1 or 2, or a `---` rule, outside code fences
  // (a `# lkml: disable=...` line in an example is not a heading).
  size_t end = doc.size();
  bool fenced = false;
  for (size_t line = heading_end; line != std::string_view::npos && line < doc.size();
       line = doc.find('\n', line + 1)) {
    std::string_view next = doc.substr(line + 1, 4);
    if (next.rfind("```", 0) == 0) fenced = !fenced;
    if (fenced) continue;
    if (next.rfind("## ", 0) == 0 || next.rfind("# ", 0) == 0 || next.rfind("---", 0) == 0) {
      end = line + 1;
      break;
    }
  }
  RuleDoc rule;
  rule.code = code;
  std::string_view heading = doc.substr(begin + 3, heading_end - begin - 3);  // `LKML209 slug`
  rule.anchor = githubAnchor(heading);
  size_t space = heading.find(' ');
  rule.slug = space == std::string_view::npos ? "" : trimmed(heading.substr(space + 1));
  rule.markdown = trimmed(doc.substr(begin, end - begin));
  std::string_view body = doc.substr(heading_end, end - heading_end);
  constexpr std::string_view kMeaning = "**Meaning.**";
  if (size_t m = body.find(kMeaning); m != std::string_view::npos) {
    size_t stop = body.find("\n\n", m);
    std::string paragraph = trimmed(body.substr(m + kMeaning.size(), stop - m - kMeaning.size()));
    for (char& c : paragraph) {
      if (c == '\n') c = ' ';
    }
    rule.meaning = paragraph;
  }
  return rule;
}

std::string repositoryUrl() { return LKML_REPOSITORY_URL; }

std::string ruleHelpUri(int code) {
  std::string repository = repositoryUrl();
  if (repository.empty()) return "";
  auto rule = findRuleDoc(code);
  if (!rule) return "";
  return repository + "/blob/main/docs/diagnostics.md#" + rule->anchor;
}

std::optional<int> parseRuleName(const std::string& name) {
  std::string digits = name;
  if (digits.size() > 4 && (digits.rfind("LKML", 0) == 0 || digits.rfind("lkml", 0) == 0)) {
    digits = digits.substr(4);
  }
  if (!digits.empty() && digits.size() <= 3 &&
      digits.find_first_not_of("0123456789") == std::string::npos) {
    int code = std::stoi(digits);
    if (findDiagnosticCode(code)) return code;
    return std::nullopt;
  }
  std::string slug = name;
  for (char& c : slug) c = c == '-' ? '_' : static_cast<char>(std::tolower(c));
  for (const DiagInfo& info : allDiagnosticCodes()) {
    if (slug == info.slug) return info.number;
  }
  return std::nullopt;
}

}  // namespace lkml
