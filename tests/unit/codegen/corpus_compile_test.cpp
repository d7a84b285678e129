// The corpus compile rate (issue 12 §3): for every model and explore of every block of the shared
// corpus of real public LookML, ask the query compiler for each field of the explore alone and
// for the whole explore at once, as a user who passes every grant and has every user attribute
// the project mentions. Prints the per-field and per-explore rates and the refusals grouped by
// message pattern, and fails on a refusal that tests/corpus/known_refusals.txt does not list
// (each line there: an ECMAScript regex over `LKML4nn: message`, ` ## `, and the reason: the
// docs/differences.md entry or the issue that will remove it). Skipped without the corpus.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "codegen/dialects/postgres_dialect.h"
#include "codegen/query_compiler.h"
#include "semantic/explore_scope.h"
#include "semantic/field_list.h"
#include "semantic/project.h"
#include "tests/support/test_paths.h"

namespace lkml::codegen {
namespace {

namespace fs = std::filesystem;

struct AllowedRefusal {
  std::string pattern;
  std::regex regex;
  std::string reason;
  size_t line = 0;
  size_t hits = 0;
};

std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r");
  size_t e = s.find_last_not_of(" \t\r");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

std::vector<AllowedRefusal> readAllowlist(const std::string& path) {
  std::vector<AllowedRefusal> out;
  std::ifstream in(path);
  EXPECT_TRUE(in.good()) << "cannot read " << path;
  std::string line;
  for (size_t n = 1; std::getline(in, line); ++n) {
    std::string text = trim(line);
    if (text.empty() || text[0] == '#') continue;
    size_t sep = text.find(" ## ");
    if (sep == std::string::npos || trim(text.substr(sep + 4)).empty()) {
      ADD_FAILURE() << path << ":" << n << ": expected `PATTERN ## REASON`";
      continue;
    }
    AllowedRefusal a;
    a.pattern = trim(text.substr(0, sep));
    a.reason = trim(text.substr(sep + 4));
    a.line = n;
    try {
      a.regex = std::regex(a.pattern, std::regex::ECMAScript | std::regex::optimize);
    } catch (const std::regex_error& e) {
      ADD_FAILURE() << path << ":" << n << ": bad regex `" << a.pattern << "`: " << e.what();
      continue;
    }
    out.push_back(std::move(a));
  }
  return out;
}

// The message with every backticked name replaced by `…` and numbers by N, so refusals of the
// same kind group together: "LKML402: unknown field `…` in --fields: view `…` has no field `…`".
std::string messagePattern(const Diagnostic& d) {
  std::string out = d.codeName() + ": ";
  const std::string& m = d.message;
  for (size_t i = 0; i < m.size(); ++i) {
    if (m[i] == '`') {
      size_t end = m.find('`', i + 1);
      if (end != std::string::npos) {
        out += "`…`";
        i = end;
        continue;
      }
    }
    if (std::isdigit(static_cast<unsigned char>(m[i]))) {
      while (i + 1 < m.size() && std::isdigit(static_cast<unsigned char>(m[i + 1]))) ++i;
      out += "N";
      continue;
    }
    out += m[i];
  }
  return out;
}

// Every user attribute the project mentions: access grants, access filters and Liquid's
// `_user_attributes['name']`, each with a value that passes every grant on it where one does.
UserContext placeholderUser(const semantic::LoadedProject& loaded) {
  UserContext user;
  std::map<std::string, std::vector<std::vector<std::string>>> grant_values;
  for (const semantic::Model& model : loaded.project.models) {
    for (const auto& [name, grant] : model.access_grants) {
      grant_values[grant.user_attribute].push_back(grant.allowed_values);
    }
    for (const semantic::Explore& explore : model.explores) {
      for (const auto& af : explore.access_filters) user.attributes[af.user_attribute] = "1";
    }
  }
  static const std::regex liquid(R"(_user_attributes\s*\[\s*['"]([A-Za-z0-9_]+)['"]\s*\])");
  for (const semantic::ProjectFile& file : loaded.sources.files) {
    if (!file.source) continue;
    std::string text(file.source->text());
    for (std::sregex_iterator it(text.begin(), text.end(), liquid), end; it != end; ++it) {
      user.attributes[(*it)[1].str()] = "1";
    }
  }
  for (const auto& [attribute, lists] : grant_values) {
    // A value every grant on this attribute allows, else the first grant's first value.
    std::string value = lists.front().empty() ? "1" : lists.front().front();
    for (const std::string& candidate : lists.front()) {
      if (std::all_of(lists.begin(), lists.end(), [&](const std::vector<std::string>& l) {
            return std::find(l.begin(), l.end(), candidate) != l.end();
          })) {
        value = candidate;
        break;
      }
    }
    user.attributes[attribute] = value;
  }
  return user;
}

// The selectable `alias.field` names of an explore, in scope order.
std::vector<std::string> exploreFields(const semantic::Model& model,
                                       const semantic::Explore& explore) {
  std::vector<std::string> out;
  semantic::ExploreScope scope(model, explore);
  semantic::ExploreFieldLists lists(scope);
  for (const semantic::ScopeEntry& entry : scope.entries()) {
    if (!entry.view) continue;
    for (const semantic::Field& field : entry.view->fields) {
      if (field.kind == semantic::FieldKind::Filter ||
          field.kind == semantic::FieldKind::Parameter) {
        continue;
      }
      if (!lists.allows(entry, field.name)) continue;
      out.push_back(entry.alias + "." + field.name);
    }
  }
  return out;
}

struct Tally {
  size_t fields = 0, fields_ok = 0, explores = 0, explores_ok = 0;
  size_t explores_without_fields = 0;
  std::map<std::string, size_t> refusals;            // pattern -> count
  std::map<std::string, std::string> example;        // pattern -> one full message
  std::map<std::string, std::string> example_where;  // pattern -> project/model/explore/field
};

void record(Tally& tally, const CompiledQuery& compiled, const std::string& where) {
  std::set<std::string> seen;  // count each pattern once per query
  for (const Diagnostic& d : compiled.errors) {
    std::string pattern = messagePattern(d);
    if (!seen.insert(pattern).second) continue;
    if (tally.refusals[pattern]++ == 0) {
      tally.example[pattern] = d.codeName() + ": " + d.message;
      tally.example_where[pattern] = where;
    }
  }
}

std::string percent(size_t ok, size_t all) {
  std::ostringstream out;
  out.precision(1);
  out << std::fixed << (all ? 100.0 * static_cast<double>(ok) / static_cast<double>(all) : 0.0)
      << "% (" << ok << "/" << all << ")";
  return out.str();
}

TEST(CorpusCompile, EveryFieldAndExploreCompilesOrIsAKnownRefusal) {
  std::string corpus = lkml::test::corpusDir();
  if (corpus.empty()) GTEST_SKIP() << "no corpus at ../shared/lookml-corpus";
  std::vector<AllowedRefusal> allowed =
      readAllowlist(lkml::test::sourceDir() + "/tests/corpus/known_refusals.txt");
  std::vector<std::string> projects;
  for (const auto& entry : fs::directory_iterator(corpus)) {
    if (entry.is_directory()) projects.push_back(entry.path().filename().string());
  }
  std::sort(projects.begin(), projects.end());

  static const PostgresDialect dialect;
  Tally tally;
  for (const std::string& project : projects) {
    DiagnosticBag bag;
    auto loaded = semantic::loadAndCompile(corpus + "/" + project, bag, 1);
    ASSERT_TRUE(loaded) << project;
    UserContext user = placeholderUser(*loaded);
    for (const semantic::Model& model : loaded->project.models) {
      for (const semantic::Explore& explore : model.explores) {
        if (explore.extension_required || !model.findView(explore.view)) continue;
        std::string where = project + "/" + model.name + "/" + explore.name;
        std::vector<std::string> fields = exploreFields(model, explore);
        if (fields.empty()) {
          // Every view comes from an imported project (`include: "//..."`), which lkml does
          // not read: nothing to measure.
          ++tally.explores_without_fields;
          continue;
        }
        for (const std::string& field : fields) {
          Query query;
          query.model = model.name;
          query.explore = explore.name;
          query.fields = {field};
          CompiledQuery compiled = compileQuery(model, explore, query, user, dialect);
          ++tally.fields;
          if (compiled.ok()) {
            ++tally.fields_ok;
          } else {
            record(tally, compiled, where + " " + field);
          }
        }
        Query whole;
        whole.model = model.name;
        whole.explore = explore.name;
        whole.fields = fields;
        CompiledQuery compiled = compileQuery(model, explore, whole, user, dialect);
        ++tally.explores;
        if (compiled.ok()) {
          ++tally.explores_ok;
        } else {
          record(tally, compiled, where + " (all " + std::to_string(fields.size()) + " fields)");
        }
      }
    }
  }

  std::cout << "corpus compile rate: fields " << percent(tally.fields_ok, tally.fields)
            << ", whole explores " << percent(tally.explores_ok, tally.explores) << " ("
            << tally.explores_without_fields
            << " explores skipped: no field lkml can see, views of imported projects)\n";
  std::vector<std::pair<size_t, std::string>> by_count;
  for (const auto& [pattern, count] : tally.refusals) by_count.emplace_back(count, pattern);
  std::sort(by_count.rbegin(), by_count.rend());
  std::cout << "refusals by pattern (queries refused; one example each):\n";
  for (const auto& [count, pattern] : by_count) {
    std::cout << "  " << count << "  " << pattern << "\n      e.g. " << tally.example_where[pattern]
              << ": " << tally.example[pattern] << "\n";
  }
  for (const auto& [count, pattern] : by_count) {
    const std::string& message = tally.example[pattern];
    bool known = false;
    for (AllowedRefusal& a : allowed) {
      if (std::regex_search(message, a.regex) || std::regex_search(pattern, a.regex)) {
        a.hits += count;
        known = true;
        break;
      }
    }
    EXPECT_TRUE(known) << count << " queries refused with a refusal no line of "
                       << "tests/corpus/known_refusals.txt allows:\n  " << pattern << "\n  e.g. "
                       << tally.example_where[pattern] << ": " << message;
  }
  for (const AllowedRefusal& a : allowed) {
    if (a.hits == 0) {
      std::cout << "note: known_refusals.txt:" << a.line << " matches no refusal any more ("
                << a.pattern << "): remove it\n";
    } else {
      std::cout << "allowed " << a.hits << " by known_refusals.txt:" << a.line << " (" << a.reason
                << ")\n";
    }
  }
}

}  // namespace
}  // namespace lkml::codegen
