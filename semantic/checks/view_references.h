// The `${...}` and Liquid references of a view's field SQL that the reference checks look at,
// found once per view and shared by the checks of every explore that joins the view.
#pragma once

#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "semantic/model.h"
#include "semantic/sql_references.h"

namespace lkml::semantic::checks {

// The references of one SQL text the checks look at: `${TABLE}`/`${EXTENDED}` and Liquid other
// than conditions and parameters need nothing, so most `${TABLE}.col` fields have none.
struct SqlRefs {
  std::vector<SqlReference> sql;
  std::vector<LiquidReference> liquid;
  bool empty() const { return sql.empty() && liquid.empty(); }
};

SqlRefs collectRefs(const std::string& text);

// The SQL of a view's fields that has references to check, found once per view: a view joined
// into many explores is checked in each, and scanning its SQL every time dominated lint.
struct FieldSqlRefs {
  const Field* field;
  const SourceText* sql;
  SqlRefs refs;
};

// Shared by the explore and view halves of the check, which may run on two threads: a view's
// references are scanned outside the lock, and the first result stored wins.
class ViewRefsCache {
 public:
  const std::vector<FieldSqlRefs>& of(const View& view);

 private:
  std::mutex mutex_;
  std::unordered_map<const View*, std::vector<FieldSqlRefs>> cache_;
};

}  // namespace lkml::semantic::checks
