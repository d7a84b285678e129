// lkml_tree_digest: prints everything grammar::parse returns (every node field and span, the
// comments, the diagnostics) for files and for deterministic mutations of them, so that a
// parser optimisation can be checked to change nothing: digest before, digest after, diff.
//
//   lkml_tree_digest [--mutations K] PATH...   (directories are searched for *.lkml)
//
// Mutations (K per file: deleted ranges, inserted brackets, quotes, `;;`, truncation) drive
// the parser through its error-recovery paths, which valid corpus files never reach.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "base/file_reader.h"
#include "base/source_file.h"
#include "grammar/parse.h"

namespace {

void span(std::ostream& out, lkml::Span s) {
  if (s.valid())
    out << '@' << s.begin << '-' << s.end;
  else
    out << "@none";
}

void scalar(std::ostream& out, const lkml::syntax::Scalar& s) {
  out << "scalar(" << static_cast<int>(s.kind) << ' ' << s.text.size() << ':' << s.text << ' ';
  span(out, s.span);
  out << ')';
}

void node(std::ostream& out, const lkml::syntax::Node& n, int depth) {
  out << std::string(static_cast<size_t>(depth) * 2, ' ') << static_cast<int>(n.kind) << ' '
      << n.key << ' ';
  span(out, n.key_span);
  out << ' ';
  span(out, n.span);
  out << ' ';
  scalar(out, n.value);
  out << " sql(" << n.sql.size() << ':' << n.sql << ' ';
  span(out, n.sql_span);
  out << ')';
  for (const auto& item : n.items) {
    out << " item(";
    scalar(out, item.value);
    scalar(out, item.map_value);
    span(out, item.span);
    out << ')';
  }
  out << '\n';
  for (const auto& child : n.children) node(out, child, depth + 1);
}

void digest(std::ostream& out, const lkml::SourceFile& file) {
  lkml::DiagnosticBag bag;
  lkml::syntax::Document doc = lkml::grammar::parse(file, bag);
  out << "== " << file.path() << " complete=" << doc.complete << " members=" << doc.members.size()
      << '\n';
  for (const auto& member : doc.members) node(out, member, 1);
  for (const auto& c : doc.comments) {
    out << "  comment " << c.text << ' ';
    span(out, c.span);
    out << '\n';
  }
  for (const auto& d : bag.diagnostics()) {
    out << "  diag " << d.codeName() << ' ' << static_cast<int>(d.severity) << ' ';
    span(out, d.span);
    out << ' ' << d.message << " | " << d.label << " | " << d.help;
    for (const auto& note : d.notes) {
      out << " | note ";
      span(out, note.span);
      out << ' ' << note.message;
    }
    out << '\n';
  }
}

std::string mutate(const std::string& text, uint64_t seed) {
  uint64_t state = seed;
  auto next = [&state] {
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  };
  static const char* const kInserts[] = {"{", "}",      "[",     "]",   "\"", ":",  ";;",
                                         ",", "sql: x", "\n}\n", "a: ", "#",  "@{", "\\"};
  std::string out = text;
  if (out.empty()) return "{";
  const int edits = 1 + static_cast<int>(next() % 3);
  for (int e = 0; e < edits && !out.empty(); ++e) {
    size_t at = next() % out.size();
    switch (next() % 4) {
      case 0:
        out.erase(at, 1 + next() % 20);
        break;
      case 1:
      case 2:
        out.insert(at, kInserts[next() % (sizeof(kInserts) / sizeof(kInserts[0]))]);
        break;
      default:
        out.resize(at);
        break;
    }
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  int mutations = 0;
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--mutations" && i + 1 < argc)
      mutations = std::atoi(argv[++i]);
    else
      paths.push_back(arg);
  }
  std::vector<std::string> files;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (std::filesystem::is_directory(p, ec)) {
      std::string error;
      lkml::findLookmlFiles(p, &files, &error);
    } else {
      files.push_back(p);
    }
  }
  lkml::SourceMap sources;
  uint64_t seed = 1;
  for (const std::string& path : files) {
    lkml::ReadResult read = lkml::readFile(path);
    if (!read.ok) {
      std::cout << "== " << path << " unreadable\n";
      continue;
    }
    for (int k = 0; k < mutations; ++k) {
      std::string mutated = mutate(read.text, seed++);
      digest(std::cout, sources.add(path + "#mutation" + std::to_string(k), std::move(mutated)));
    }
    digest(std::cout, sources.add(path, std::move(read.text)));
  }
  return 0;
}
