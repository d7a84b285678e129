// Parses the markup inside a tag or output: operands, filter chains and conditions. Offsets
// are bytes of the whole template (the markup's own offset is added).
#pragma once

#include <string_view>

#include "liquid/ast.h"
#include "liquid/liquid_diagnostics.h"

namespace lkml::liquid {

class MarkupParser {
 public:
  /// `markup` is the text between the delimiters; `base` its offset in the template.
  MarkupParser(std::string_view markup, size_t base);

  bool parseExpression(Expression* out, LiquidError* error);  // operand | filters
  bool parseCondition(Condition* out, LiquidError* error);    // a == b and c
  bool parseOperand(Operand* out, LiquidError* error);
  /// An identifier (assign/capture/for names); false without consuming when none.
  bool parseName(std::string* out);
  /// Consumes `word` (keyword or punctuation) when it comes next.
  bool accept(std::string_view word);
  bool atEnd();
  size_t position() const { return base_ + pos_; }
  /// The rest of the markup, trimmed (for the Looker tags' field names).
  std::string_view rest();
  LiquidError errorHere(const std::string& message, const std::string& hint = "");

 private:
  void skipSpace();
  bool parseVariable(Operand* out, LiquidError* error);
  bool parseFilters(std::vector<Filter>* out, LiquidError* error);

  std::string_view text_;
  size_t base_;
  size_t pos_ = 0;
};

}  // namespace lkml::liquid
