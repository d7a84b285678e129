// The body of the language server's workspace fuzzer (lsp_workspace_fuzzer.cpp under libFuzzer,
// tests/unit/lsp/workspace_fuzz_replay_test.cpp on seeded random inputs in every ctest run).
//
// The input is a script of edits to a small project (two models, three views): each step
// picks a file and inserts, deletes or replaces bytes at positions the input chooses (past the
// end too), closes the document (the disk text again), or compiles. The incremental
// lsp::ProjectState must never crash or hang, and after the last step its findings must equal
// those of a fresh ProjectState given the same texts (a fresh lint of them).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "lsp/project_state.h"
#include "lsp/protocol_convert.h"

namespace lkml::lsp::fuzz {

struct ProjectFiles {
  std::string root;
  std::map<std::string, std::string> texts;  // on disk
};

inline const ProjectFiles& fuzzProject() {
  static const ProjectFiles project = [] {
    ProjectFiles p;
    p.root =
        (std::filesystem::temp_directory_path() / ("lkml-lsp-fuzz-" + std::to_string(::getpid())))
            .string();
    p.texts = {
        {"manifest.lkml", "project_name: \"p\"\nconstant: S { value: \"public\" }\n"},
        {"a.model.lkml",
         "connection: \"db\"\ninclude: \"/views/*.view\"\nexplore: orders {\n  join: users {\n"
         "    relationship: many_to_one\n    sql_on: ${orders.user_id} = ${users.id} ;;\n  }\n}\n"},
        {"b.model.lkml", "connection: \"db\"\ninclude: \"/views/users.view\"\nexplore: users {}\n"},
        {"views/orders.view.lkml",
         "view: orders {\n  sql_table_name: @{S}.orders ;;\n  dimension: id {\n    primary_key: "
         "yes\n    type: number\n    sql: ${TABLE}.id ;;\n  }\n  dimension: user_id {\n    type: "
         "number\n    sql: ${TABLE}.user_id ;;\n  }\n  measure: total {\n    type: sum\n    sql: "
         "${user_id} ;;\n  }\n}\n"},
        {"views/users.view.lkml",
         "view: users {\n  sql_table_name: public.users ;;\n  dimension: id {\n    primary_key: "
         "yes\n    type: number\n    sql: ${TABLE}.id ;;\n  }\n  dimension: name {\n    type: "
         "string\n    sql: ${TABLE}.name ;; # lkml: disable=LKML201\n  }\n}\n"},
        {"views/extra.view.lkml", "view: extra {\n  extends: [users]\n  dimension: x {}\n}\n"},
    };
    for (const auto& [rel, text] : p.texts) {
      std::filesystem::path path = std::filesystem::path(p.root) / rel;
      std::filesystem::create_directories(path.parent_path());
      std::ofstream(path, std::ios::binary) << text;
    }
    return p;
  }();
  return project;
}

// Findings as comparable text (FileIds differ between the two states); with `only_file`, those
// of that file only.
inline std::vector<std::string> findingsOf(const ProjectState& state,
                                           const std::vector<Diagnostic>& diagnostics,
                                           const std::string* only_file = nullptr) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diagnostics) {
    std::string file = diagnosticFile(d, state.files());
    if (only_file && file != *only_file) continue;
    std::string line = file + ":" + std::to_string(d.span.begin) + "-" +
                       std::to_string(d.span.end) + ": " + d.codeName() + " " +
                       severityName(d.severity) + " " + d.message + " / " + d.help;
    for (const Label& note : d.notes) line += " | " + note.message;
    for (const Fix& fix : d.fixes) {
      line += " fix " + std::to_string(fix.span.begin) + "-" + std::to_string(fix.span.end) + "=" +
              fix.replacement;
    }
    out.push_back(line);
  }
  std::sort(out.begin(), out.end());
  return out;
}

inline std::vector<std::string> findingsOf(const ProjectState& state) {
  return findingsOf(state, state.diagnostics());
}

// The first answer's findings of each file it covers equal a fresh lint's for that file
// (without the families it leaves to the full update).
inline bool quickMatchesFresh(const ProjectState& state, const std::string& root,
                              const std::map<std::string, std::string>& open, std::string* why) {
  if (state.quickFiles().empty()) return true;
  ProjectState fresh(root);
  for (const auto& [rel, text] : open) fresh.setText(rel, text);
  fresh.update(1);
  std::vector<Diagnostic> expected;
  for (const Diagnostic& d : fresh.diagnostics()) {
    if (!ProjectState::leftToFullUpdate(d)) expected.push_back(d);
  }
  for (const std::string& file : state.quickFiles()) {
    std::vector<std::string> a = findingsOf(state, state.quickDiagnostics(), &file);
    std::vector<std::string> b = findingsOf(fresh, expected, &file);
    if (a == b) continue;
    if (why) {
      *why = "first answer for " + file + ":\n";
      for (const auto& s : a) *why += "  " + s + "\n";
      *why += "fresh:\n";
      for (const auto& s : b) *why += "  " + s + "\n";
    }
    return false;
  }
  return true;
}

/// Runs one script; returns false (with `why`) when the incremental findings differ.
inline bool runScript(const uint8_t* data, size_t size, std::string* why = nullptr) {
  const ProjectFiles& project = fuzzProject();
  std::vector<std::string> files;
  for (const auto& [rel, text] : project.texts) files.push_back(rel);
  std::map<std::string, std::string> open;  // the editor's texts
  ProjectState state(project.root);
  state.update(1);
  size_t i = 0;
  auto byte = [&]() -> uint8_t { return i < size ? data[i++] : 0; };
  for (int step = 0; step < 64 && i < size; ++step) {
    uint8_t op = byte();
    const std::string& rel = files[byte() % files.size()];
    auto it = open.find(rel);
    std::string text = it != open.end() ? it->second : project.texts.at(rel);
    uint32_t at = static_cast<uint32_t>(byte()) * 4 % (text.size() + 8);  // sometimes past the end
    uint32_t len = byte() % 24;
    size_t begin = std::min<size_t>(at, text.size());
    size_t end = std::min<size_t>(begin + len, text.size());
    switch (op % 5) {
      case 0: {  // insert bytes from the input (any bytes: invalid UTF-8 too)
        size_t n = std::min<size_t>(len, size - i);
        text.insert(begin, reinterpret_cast<const char*>(data + i), n);
        i += n;
        break;
      }
      case 1:  // delete
        text.erase(begin, end - begin);
        break;
      case 2: {  // insert a piece of LookML
        static const char* pieces[] = {"{",
                                       "}",
                                       "dimension: ",
                                       "${",
                                       "users.",
                                       ";;",
                                       "\n",
                                       "type: number",
                                       "view: users {}",
                                       "join: orders {",
                                       "\"",
                                       "# lkml: disable=LKML204\n",
                                       "explore: x {}"};
        text.insert(begin, pieces[len % (sizeof(pieces) / sizeof(pieces[0]))]);
        break;
      }
      case 3:  // the document is closed: the file on disk again
        open.erase(rel);
        state.setText(rel, std::nullopt);
        continue;
      case 4:           // the editor asks for an answer: compile now
        if (len % 2) {  // as the server does: the edited files' findings first
          state.updateEditedFiles(1);
          if (!quickMatchesFresh(state, project.root, open, why)) return false;
        }
        state.update(1);
        continue;
    }
    open[rel] = text;
    state.setText(rel, text);
  }
  state.update(1);
  ProjectState fresh(project.root);
  for (const auto& [rel, text] : open) fresh.setText(rel, text);
  fresh.update(1);
  std::vector<std::string> a = findingsOf(state), b = findingsOf(fresh);
  if (a == b) return true;
  if (why) {
    *why = "incremental:\n";
    for (const auto& s : a) *why += "  " + s + "\n";
    *why += "fresh:\n";
    for (const auto& s : b) *why += "  " + s + "\n";
  }
  return false;
}

}  // namespace lkml::lsp::fuzz
