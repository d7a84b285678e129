// Parsing of query input: `--filter`/`--sort` arguments and Looker API query JSON.
#include <cctype>
#include <nlohmann/json.hpp>

#include "codegen/query.h"

namespace lkml::codegen {

namespace {

std::string trim(const std::string& s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return s.substr(b, e - b);
}

bool validFieldName(const std::string& name) {
  size_t dot = name.find('.');
  if (dot == std::string::npos || dot == 0 || dot + 1 == name.size()) return false;
  for (char c : name) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.')) return false;
  }
  return true;
}

bool parseLimit(const nlohmann::json& value, Query* query, std::string* error) {
  if (value.is_null()) return true;
  std::string text = value.is_string() ? value.get<std::string>() : value.dump();
  if (text.empty()) return true;
  for (char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c))) {
      *error = "\"limit\" must be a whole number, got " + value.dump();
      return false;
    }
  }
  if (text.size() > 18) {
    *error = "\"limit\" is too large";
    return false;
  }
  query->limit = std::stoull(text);
  return true;
}

}  // namespace

bool parseFilterArgument(const std::string& text, QueryFilter* filter, std::string* error) {
  size_t eq = text.find('=');
  if (eq == std::string::npos) {
    *error = "--filter `" + text + "` has no '='; write it as view.field=EXPRESSION";
    return false;
  }
  filter->field = trim(text.substr(0, eq));
  filter->expression = text.substr(eq + 1);
  if (!validFieldName(filter->field)) {
    *error = "--filter `" + text + "`: `" + filter->field + "` is not a field name (view.field)";
    return false;
  }
  return true;
}

bool parseSortArgument(const std::string& text, QuerySort* sort, std::string* error) {
  std::string t = trim(text);
  size_t space = t.find_last_of(" \t");
  sort->field = t;
  sort->descending = false;
  if (space != std::string::npos) {
    std::string direction = t.substr(space + 1);
    for (char& c : direction) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (direction != "asc" && direction != "desc") {
      *error = "sort `" + text + "`: direction must be asc or desc, got `" + direction + "`";
      return false;
    }
    sort->descending = direction == "desc";
    sort->field = trim(t.substr(0, space));
  }
  if (!validFieldName(sort->field)) {
    *error = "sort `" + text + "`: `" + sort->field + "` is not a field name (view.field)";
    return false;
  }
  return true;
}

bool parseQueryJson(const std::string& text, Query* query, std::string* error) {
  nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
  if (json.is_discarded() || !json.is_object()) {
    *error = "the query is not a JSON object";
    return false;
  }
  auto getString = [&](const char* key, std::string* out) {
    if (!json.contains(key) || json[key].is_null()) return true;
    if (!json[key].is_string()) {
      *error = std::string("\"") + key + "\" must be a string";
      return false;
    }
    *out = json[key].get<std::string>();
    return true;
  };
  if (!getString("model", &query->model) || !getString("view", &query->explore)) return false;
  if (json.contains("fields")) {
    if (!json["fields"].is_array()) {
      *error = "\"fields\" must be an array of \"view.field\" strings";
      return false;
    }
    for (const auto& f : json["fields"]) {
      if (!f.is_string()) {
        *error = "\"fields\" must contain only strings";
        return false;
      }
      query->fields.push_back(f.get<std::string>());
    }
  }
  if (json.contains("filters") && !json["filters"].is_null()) {
    if (!json["filters"].is_object()) {
      *error = "\"filters\" must be an object such as {\"users.state\": \"CA\"}";
      return false;
    }
    for (const auto& [field, value] : json["filters"].items()) {
      if (!value.is_string()) {
        *error = "filter \"" + field + "\" must be a string expression";
        return false;
      }
      query->filters.push_back({field, value.get<std::string>()});
    }
  }
  if (json.contains("sorts") && !json["sorts"].is_null()) {
    if (!json["sorts"].is_array()) {
      *error = "\"sorts\" must be an array such as [\"users.count desc\"]";
      return false;
    }
    for (const auto& s : json["sorts"]) {
      if (!s.is_string()) {
        *error = "\"sorts\" must contain only strings";
        return false;
      }
      if (s.get<std::string>() == "__UNSORTED__") {
        query->unsorted = true;
        continue;
      }
      QuerySort sort;
      if (!parseSortArgument(s.get<std::string>(), &sort, error)) return false;
      query->sorts.push_back(sort);
    }
  }
  if (json.contains("limit") && !parseLimit(json["limit"], query, error)) return false;
  if (query->explore.empty()) {
    *error = "the query has no \"view\" (the explore to query)";
    return false;
  }
  return true;
}

}  // namespace lkml::codegen
