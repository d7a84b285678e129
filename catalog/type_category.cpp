#include "catalog/type_category.h"

#include <string>
#include <utility>

namespace lkml::catalog {
namespace {

constexpr std::pair<TypeCategory, const char*> kNames[] = {
    {TypeCategory::Numeric, "numeric"},
    {TypeCategory::String, "string"},
    {TypeCategory::Boolean, "boolean"},
    {TypeCategory::TemporalDate, "temporal_date"},
    {TypeCategory::TemporalTimestamp, "temporal_timestamp"},
    {TypeCategory::Json, "json"},
    {TypeCategory::Other, "other"},
};

// Type names without their modifier: "numeric(10,2)" → "numeric",
// "timestamp(3) without time zone" → "timestamp without time zone".
std::string stripModifier(std::string_view type) {
  size_t open = type.find('(');
  if (open == std::string_view::npos) return std::string(type);
  size_t close = type.find(')', open);
  if (close == std::string_view::npos) return std::string(type);
  return std::string(type.substr(0, open)) + std::string(type.substr(close + 1));
}

bool startsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

std::optional<TypeCategory> categoryFromName(const std::string& base) {
  static constexpr std::pair<std::string_view, TypeCategory> kTypes[] = {
      {"smallint", TypeCategory::Numeric},
      {"integer", TypeCategory::Numeric},
      {"bigint", TypeCategory::Numeric},
      {"numeric", TypeCategory::Numeric},
      {"real", TypeCategory::Numeric},
      {"double precision", TypeCategory::Numeric},
      {"money", TypeCategory::Numeric},
      {"text", TypeCategory::String},
      {"character varying", TypeCategory::String},
      {"character", TypeCategory::String},
      {"bpchar", TypeCategory::String},
      {"\"char\"", TypeCategory::String},
      {"name", TypeCategory::String},
      {"citext", TypeCategory::String},
      {"boolean", TypeCategory::Boolean},
      {"date", TypeCategory::TemporalDate},
      {"timestamp without time zone", TypeCategory::TemporalTimestamp},
      {"timestamp with time zone", TypeCategory::TemporalTimestamp},
      {"json", TypeCategory::Json},
      {"jsonb", TypeCategory::Json},
  };
  for (const auto& [name, category] : kTypes) {
    if (base == name) return category;
  }
  return std::nullopt;
}

}  // namespace

const char* typeCategoryName(TypeCategory category) {
  for (const auto& [value, name] : kNames) {
    if (value == category) return name;
  }
  return "other";
}

std::optional<TypeCategory> parseTypeCategory(std::string_view name) {
  for (const auto& [value, text] : kNames) {
    if (name == text) return value;
  }
  return std::nullopt;
}

TypeCategory categorizeType(std::string_view formatted_type, char pg_typcategory) {
  std::string base = stripModifier(formatted_type);
  if (base.size() >= 2 && base.compare(base.size() - 2, 2, "[]") == 0) return TypeCategory::Other;
  // format_type() qualifies types outside the search path: "public.citext".
  size_t dot = base.rfind('.');
  if (dot != std::string::npos && !startsWith(base, "\"")) base = base.substr(dot + 1);
  if (std::optional<TypeCategory> category = categoryFromName(base)) return *category;
  switch (pg_typcategory) {
    case 'N':
      return TypeCategory::Numeric;
    case 'S':
    case 'E':
      return TypeCategory::String;
    case 'B':
      return TypeCategory::Boolean;
    default:
      return TypeCategory::Other;
  }
}

}  // namespace lkml::catalog
