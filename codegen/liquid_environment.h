// The Liquid variables of field SQL, evaluated against the query being compiled: user
// attributes, `_filters[...]`, parameters (`p._parameter_value`), `view.f._in_query` /
// `_is_selected` / `_is_filtered` / `_name`, and `_model`, `_explore`, `_view`, `_field`,
// `_query` names. Values from users come back as user text (escaped when written as SQL);
// unquoted and number parameters are validated here, where their names are known.
#pragma once

#include <string>
#include <vector>

#include "codegen/compile_context.h"
#include "liquid/evaluator.h"

namespace lkml::codegen {

/// A parameter's value as the query gives it (or its default_value).
struct ParameterValue {
  const semantic::Field* field = nullptr;
  std::string name;   // `alias.parameter`
  std::string value;  // the raw value ("" when neither given nor defaulted)
  std::string type;   // the parameter's type; "string" for a `filter:` field
};

class LiquidEnvironment : public liquid::Environment {
 public:
  /// `owner`: the view whose SQL is rendered (null: explore SQL, bare names mean the base
  /// view); `field`: `alias.field` being expanded, or "".
  LiquidEnvironment(CompileContext& ctx, const semantic::ScopeEntry* owner, std::string field)
      : ctx_(ctx), owner_(owner), field_(std::move(field)) {}

  bool lookup(const std::string& root, const std::vector<std::string>& keys, liquid::Value* out,
              std::string* error) override;

  /// The code of the last lookup error (LKML407, 410, 411, 413 or 414).
  QueryCode errorCode() const { return error_code_; }

  /// `name` (`p` or `view.p`) resolved to a parameter field and its value; false with `error`
  /// (and errorCode()) when it names no parameter.
  bool parameter(const std::string& name, ParameterValue* out, std::string* error);
  /// Checks an unquoted parameter's value: one of its allowed values when it lists any, else
  /// a plain identifier [A-Za-z0-9_]+. False with `error` naming the parameter otherwise.
  bool checkUnquoted(const ParameterValue& p, std::string* error);
  /// `alias.field` for `name` as written in Liquid (`f` or `view.f`).
  std::string qualify(const std::string& name) const;

 private:
  bool fail(QueryCode code, std::string message, std::string* error) {
    error_code_ = code;
    *error = std::move(message);
    return false;
  }
  bool fieldProperty(const std::string& field_name, const std::string& property, liquid::Value* out,
                     std::string* error);

  CompileContext& ctx_;
  const semantic::ScopeEntry* owner_;
  std::string field_;
  QueryCode error_code_ = QueryCode::liquid_evaluation_error;
};

/// True for `-?[0-9]+(\.[0-9]+)?`: a number that may be written into SQL as it is.
bool isPlainNumber(const std::string& text);

}  // namespace lkml::codegen
