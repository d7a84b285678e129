#include "codegen/liquid_environment.h"

#include <algorithm>
#include <cctype>

namespace lkml::codegen {

using liquid::Value;

bool isPlainNumber(const std::string& text) {
  size_t i = !text.empty() && text[0] == '-' ? 1 : 0;
  size_t digits = 0;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i, ++digits;
  if (digits == 0) return false;
  if (i < text.size() && text[i] == '.') {
    size_t frac = 0;
    for (++i; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); ++i) ++frac;
    if (frac == 0) return false;
  }
  return i == text.size();
}

std::string LiquidEnvironment::qualify(const std::string& name) const {
  if (name.find('.') != std::string::npos) return name;
  if (owner_) return owner_->alias + "." + name;
  return ctx_.explore.alias + "." + name;
}

bool LiquidEnvironment::parameter(const std::string& name, ParameterValue* out,
                                  std::string* error) {
  out->name = qualify(name);
  std::string alias, field_name;
  if (semantic::ExploreScope::splitName(out->name, &alias, &field_name)) {
    out->field = ctx_.scope.findField(alias, field_name);
  }
  if (!out->field && owner_ && owner_->view && alias == owner_->view->name) {
    out->field = owner_->view->findField(field_name);
    out->name = owner_->alias + "." + field_name;
  }
  if (!out->field) {
    return fail(
        QueryCode::query_reference_error,
        "Liquid names `" + name + "`, which is not a field of explore `" + ctx_.explore.name + "`",
        error);
  }
  // `filter:` fields were Looker's parameters before `parameter:` existed: their value is the
  // filter expression, text like a string parameter's.
  if (out->field->kind != semantic::FieldKind::Parameter &&
      out->field->kind != semantic::FieldKind::Filter) {
    return fail(QueryCode::query_reference_error,
                "Liquid uses `" + name + "` as a parameter, but it is a " +
                    semantic::fieldKindName(out->field->kind),
                error);
  }
  out->type = out->field->kind == semantic::FieldKind::Filter ? "string" : out->field->type.str();
  auto it = ctx_.filters.find(out->name);
  out->value = it != ctx_.filters.end() ? it->second.expression : "";
  if (out->value.empty()) out->value = out->field->details().default_value;
  if (!ctx_.dialect.canRepresentString(out->value)) {
    return fail(QueryCode::invalid_parameter_value,
                "the value of parameter `" + out->name + "` contains a character SQL cannot hold",
                error);
  }
  return true;
}

bool LiquidEnvironment::checkUnquoted(const ParameterValue& p, std::string* error) {
  const auto& allowed = p.field->details().allowed_values;
  if (!allowed.empty()) {
    if (std::find(allowed.begin(), allowed.end(), p.value) != allowed.end()) return true;
    std::string list;
    for (const auto& a : allowed) list += (list.empty() ? "`" : ", `") + a + "`";
    return fail(QueryCode::invalid_parameter_value,
                "parameter `" + p.name + "` (unquoted) must be one of its allowed values (" + list +
                    "), got `" + p.value + "`",
                error);
  }
  bool plain = !p.value.empty() && std::all_of(p.value.begin(), p.value.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
  });
  if (plain) return true;
  return fail(QueryCode::invalid_parameter_value,
              "parameter `" + p.name +
                  "` (unquoted) has no allowed values, so its value must be a plain identifier "
                  "([A-Za-z0-9_]+), got `" +
                  p.value + "`",
              error);
}

bool LiquidEnvironment::fieldProperty(const std::string& field_name, const std::string& property,
                                      Value* out, std::string* error) {
  if (property == "_parameter_value") {
    ParameterValue p;
    if (!parameter(field_name, &p, error)) return false;
    const std::string& type = p.type;
    if (type == "unquoted") {
      if (p.value.empty()) return *out = Value::templateString(""), true;
      if (!checkUnquoted(p, error)) return false;
      *out = Value::templateString(p.value);
    } else if (type == "number") {
      if (p.value.empty()) return *out = Value(), true;
      if (!isPlainNumber(p.value)) {
        return fail(QueryCode::invalid_parameter_value,
                    "parameter `" + p.name + "` (number) must be a number, got `" + p.value + "`",
                    error);
      }
      *out = Value::fromNumber(std::stod(p.value));
    } else if (type == "yesno") {
      bool yes = p.value == "yes" || p.value == "true" || p.value == "Yes";
      *out = Value::templateString(yes ? "true" : "false");
    } else {
      // String parameters render with their quotes, as Looker does ("'value'"); the quotes are
      // template text and the value user text, so it is escaped wherever it is written.
      *out = Value::templateString("'");
      out->append(Value::userString(p.value));
      out->append("'", liquid::Origin::Template);
    }
    return true;
  }
  std::string name = qualify(field_name);
  std::string alias, fname;
  const semantic::Field* field = nullptr;
  if (semantic::ExploreScope::splitName(name, &alias, &fname)) {
    field = ctx_.scope.findField(alias, fname);
  }
  if (!field && field_name.find('.') == std::string::npos && ctx_.scope.find(field_name) &&
      (property == "_in_query" || property == "_is_selected" || property == "_is_filtered")) {
    // `view._in_query`: whether any field of the view (join alias) is in the query.
    std::string prefix = field_name + ".";
    bool selected = std::any_of(ctx_.query.fields.begin(), ctx_.query.fields.end(),
                                [&](const std::string& f) { return f.rfind(prefix, 0) == 0; });
    bool filtered = std::any_of(ctx_.filters.begin(), ctx_.filters.end(), [&](const auto& f) {
      return f.first.rfind(prefix, 0) == 0 && !f.second.expression.empty();
    });
    bool result = property == "_is_selected"   ? selected
                  : property == "_is_filtered" ? filtered
                                               : selected || filtered;
    *out = Value::fromBool(result);
    return true;
  }
  if (!field && field_name.find('.') == std::string::npos &&
      (ctx_.scope.findField(field_name, property) || ctx_.model.findView(field_name))) {
    // `view.field` without a property (`{% if date._parts_of_hour_of_day %}`, a field whose
    // name starts with `_`): a row value, which SQL Liquid cannot see. Liquid reads an unknown
    // variable as nil, so the condition is false, as in Looker; not a refusal.
    *out = Value();
    return true;
  }
  if (!field) {
    return fail(QueryCode::query_reference_error,
                "Liquid `" + field_name + "." + property + "` names `" + field_name +
                    "`, which is not a field of explore `" + ctx_.explore.name + "`",
                error);
  }
  bool selected = std::find(ctx_.query.fields.begin(), ctx_.query.fields.end(), name) !=
                  ctx_.query.fields.end();
  auto filter = ctx_.filters.find(name);
  bool filtered = filter != ctx_.filters.end() && !filter->second.expression.empty();
  if (property == "_in_query") return *out = Value::fromBool(selected || filtered), true;
  if (property == "_is_selected") return *out = Value::fromBool(selected), true;
  if (property == "_is_filtered") return *out = Value::fromBool(filtered), true;
  if (property == "_name") return *out = Value::templateString(name), true;
  return fail(QueryCode::liquid_evaluation_error,
              "Liquid `" + field_name + "." + property +
                  "` is only available in html and link (it is a value of a result row)",
              error);
}

bool LiquidEnvironment::lookup(const std::string& root, const std::vector<std::string>& keys,
                               Value* out, std::string* error) {
  *out = Value();
  if (root == "_user_attributes") {
    if (keys.size() != 1) return true;
    auto it = ctx_.policy.user().attributes.find(keys[0]);
    if (it == ctx_.policy.user().attributes.end()) {
      return fail(QueryCode::missing_user_attribute,
                  "the SQL uses user attribute `" + keys[0] + "`, which the user does not have",
                  error);
    }
    if (!ctx_.dialect.canRepresentString(it->second)) {
      return fail(QueryCode::invalid_attribute_value,
                  "user attribute `" + keys[0] + "` contains a character SQL cannot hold", error);
    }
    *out = Value::userString(it->second);
    return true;
  }
  if (root == "_filters") {
    if (keys.size() != 1) return true;
    auto it = ctx_.filters.find(qualify(keys[0]));
    if (it == ctx_.filters.end()) return true;
    if (!ctx_.dialect.canRepresentString(it->second.expression)) {
      return fail(QueryCode::invalid_query,
                  "the filter on `" + keys[0] + "` contains a character SQL cannot hold", error);
    }
    *out = Value::userString(it->second.expression);
    return true;
  }
  auto named = [&](const std::string& name) {
    if (keys.size() == 1 && keys[0] == "_name") *out = Value::templateString(name);
    return true;
  };
  if (root == "_model") return named(ctx_.model.name);
  if (root == "_explore") return named(ctx_.explore.name);
  if (root == "_view")
    return named(owner_ && owner_->view ? owner_->view->name : ctx_.explore.view);
  if (root == "_field") return named(field_);
  if (root == "_query") {
    if (keys.size() == 1 && keys[0] == "_query_timezone") {
      *out = Value::userString(ctx_.filter_context.queryTimeZone);
    }
    return true;
  }
  if (root == "value" || root == "rendered_value" || root == "row" || root == "_link") {
    return fail(QueryCode::liquid_evaluation_error,
                "Liquid `" + root + "` is only available in html and link, not in SQL", error);
  }
  if (!keys.empty() && !keys.back().empty() && keys.back()[0] == '_') {
    std::string field_name = root;
    for (size_t i = 0; i + 1 < keys.size(); ++i) field_name += "." + keys[i];
    return fieldProperty(field_name, keys.back(), out, error);
  }
  return true;  // a variable Liquid does not know is nil
}

}  // namespace lkml::codegen
