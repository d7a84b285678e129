#include "semantic/checks/view_references.h"

namespace lkml::semantic::checks {

SqlRefs collectRefs(const std::string& text) {
  SqlRefs refs;
  for (SqlReference& ref : findSqlReferences(text)) {
    if (ref.kind != SqlReference::Kind::Table && ref.kind != SqlReference::Kind::Extended) {
      refs.sql.push_back(std::move(ref));
    }
  }
  if (text.find('{') != std::string::npos) {
    for (LiquidReference& ref : findLiquidReferences(text)) {
      bool named = ref.kind != LiquidReference::Kind::UserAttribute;
      if (named && !ref.name.empty()) refs.liquid.push_back(std::move(ref));
    }
  }
  return refs;
}

const std::vector<FieldSqlRefs>& ViewRefsCache::of(const View& view) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = cache_.find(&view);
    if (it != cache_.end()) return it->second;
  }
  std::vector<FieldSqlRefs> found;
  for (const Field& f : view.fields) {
    if (f.sql_defaulted) continue;
    for (const SourceText* sql :
         {&f.sql, &f.details().sql_start, &f.details().sql_end, &f.details().sql_distinct_key}) {
      if (!sql->present()) continue;
      SqlRefs refs = collectRefs(sql->text);
      if (!refs.empty()) found.push_back({&f, sql, std::move(refs)});
    }
  }
  std::lock_guard<std::mutex> lock(mutex_);
  // Elements of an unordered_map keep their address when it rehashes.
  return cache_.try_emplace(&view, std::move(found)).first->second;
}

}  // namespace lkml::semantic::checks
