// Helpers for the ide/ tests: a small project written to a temporary directory and compiled,
// offsets found by searching the text (so tests say where, not which number), and the text a
// FileRange covers.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "ide/ide.h"
#include "semantic/project.h"

namespace lkml::ide::test {

namespace fs = std::filesystem;

struct File {
  std::string path;
  std::string text;
};

class IdeProject {
 public:
  explicit IdeProject(std::initializer_list<File> files) {
    static std::atomic<int> counter{0};
    root_ = fs::temp_directory_path() /
            ("lkml-idetest-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(root_);
    for (const File& f : files) {
      fs::path p = root_ / f.path;
      fs::create_directories(p.parent_path());
      std::ofstream(p, std::ios::binary) << f.text;
    }
    load(root_.string());
  }
  /// An existing directory (the `looker/` project), not removed afterwards.
  static std::unique_ptr<IdeProject> existing(const std::string& root) {
    std::unique_ptr<IdeProject> p(new IdeProject());
    p->load(root);
    return p;
  }
  ~IdeProject() {
    if (!root_.empty()) {
      std::error_code ec;
      fs::remove_all(root_, ec);
    }
  }
  IdeProject(const IdeProject&) = delete;
  IdeProject& operator=(const IdeProject&) = delete;

  const semantic::LoadedProject& project() const { return *loaded_; }

  std::string_view text(const std::string& path) const {
    const semantic::ProjectFile* f = loaded_->sources.find(path);
    EXPECT_TRUE(f && f->source) << path;
    return f && f->source ? f->source->text() : std::string_view();
  }
  /// Offset of the `nth` occurrence of `needle` in `path`, plus `delta`.
  uint32_t at(const std::string& path, std::string_view needle, size_t nth = 0,
              uint32_t delta = 0) const {
    std::string_view t = text(path);
    size_t pos = t.find(needle);
    for (size_t i = 0; i < nth && pos != std::string_view::npos; ++i) pos = t.find(needle, pos + 1);
    EXPECT_NE(pos, std::string_view::npos) << needle << " in " << path;
    return pos == std::string_view::npos ? 0 : static_cast<uint32_t>(pos) + delta;
  }
  std::string slice(const FileRange& r) const {
    std::string_view t = text(r.path);
    if (r.end > t.size() || r.begin > r.end) return "<bad range>";
    return std::string(t.substr(r.begin, r.end - r.begin));
  }
  /// `path:text` for each range, to compare whole answers at once.
  std::vector<std::string> describe(const std::vector<FileRange>& ranges) const {
    std::vector<std::string> out;
    for (const FileRange& r : ranges) out.push_back(r.path + ":" + slice(r));
    return out;
  }
  /// The line (1-based) of an offset in `path`.
  uint32_t line(const FileRange& r) const {
    const semantic::ProjectFile* f = loaded_->sources.find(r.path);
    return f && f->source ? f->source->lineCol(r.begin).line : 0;
  }

 private:
  IdeProject() = default;
  void load(const std::string& root) {
    DiagnosticBag bag;
    loaded_ = semantic::loadAndCompile(root, bag, 1);
    ASSERT_TRUE(loaded_) << root;
  }

  fs::path root_;
  std::unique_ptr<semantic::LoadedProject> loaded_;
};

/// A two-model project used by several tests: a view extended by another, a refinement, a
/// dimension group, an explore with an aliased join, a set, an access grant and Liquid.
inline std::initializer_list<File> sampleFiles() {
  static const std::initializer_list<File> files = {
      {"a.model.lkml",
       "connection: \"db\"\n"
       "include: \"/views/*.view\"\n"
       "access_grant: staff {\n  user_attribute: role\n  allowed_values: [\"staff\"]\n}\n"
       "explore: orders {\n"
       "  required_access_grants: [staff]\n"
       "  join: users {\n    relationship: many_to_one\n"
       "    sql_on: ${orders.user_id} = ${users.id} ;;\n  }\n"
       "  join: buyer {\n    from: users\n    relationship: many_to_one\n"
       "    sql_on: ${orders.user_id} = ${buyer.id} ;;\n  }\n"
       "  fields: [orders.id, users.name, buyer.name, orders.details*]\n"
       "}\n"},
      {"b.model.lkml",
       "connection: \"db\"\n"
       "include: \"/views/users.view\"\n"
       "explore: people {\n  view_name: users\n  sql_always_where: ${users.name} <> '' ;;\n}\n"},
      {"views/orders.view.lkml",
       "view: orders {\n"
       "  sql_table_name: public.orders ;;\n"
       "  dimension: id {\n    primary_key: yes\n    type: number\n    sql: ${TABLE}.id ;;\n  }\n"
       "  dimension: user_id {\n    type: number\n    label: \"User\"\n"
       "    description: \"Who ordered.\"\n    sql: ${TABLE}.user_id ;;\n  }\n"
       "  dimension_group: created {\n    type: time\n    timeframes: [date, month]\n"
       "    sql: ${TABLE}.created_at ;;\n  }\n"
       "  dimension: big {\n    type: yesno\n    sql: ${id} > 100 AND ${created_date} IS NOT NULL "
       ";;\n"
       "    html: {{ orders.user_id._value }} ;;\n  }\n"
       "  measure: count {\n    type: count\n    drill_fields: [id, users.name]\n  }\n"
       "  set: details {\n    fields: [id, user_id]\n  }\n"
       "}\n"},
      {"views/users.view.lkml",
       "view: users {\n"
       "  sql_table_name: public.users ;;\n"
       "  dimension: id {\n    primary_key: yes\n    type: number\n  }\n"
       "  dimension: name {\n    type: string\n    sql: ${TABLE}.name ;;\n  }\n"
       "}\n"
       "view: +users {\n  dimension: name {\n    label: \"Full name\"\n  }\n}\n"},
      {"views/vip.view.lkml",
       "view: vip {\n  extends: [users]\n"
       "  dimension: shout {\n    sql: UPPER(${name}) ;;\n  }\n}\n"},
  };
  return files;
}

}  // namespace lkml::ide::test
