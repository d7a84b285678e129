// Turns ANTLR's recognition errors into LKML1xx diagnostics that read like a person wrote
// them ("expected '}' to close `view: users` opened at 3:1"), using the rule context stack.
// Recovery itself stays ANTLR's (single-token insertion/deletion, then resync).
#pragma once

#include "antlr4-runtime.h"
#include "base/diagnostic.h"
#include "base/source_file.h"

namespace lkml::grammar {

class SyntaxErrorStrategy : public antlr4::DefaultErrorStrategy {
 public:
  SyntaxErrorStrategy(const SourceFile& file, DiagnosticSink& sink) : file_(file), sink_(sink) {}
  size_t errorCount() const { return errors_; }
  /// Reports a token that cannot start a top-level member (e.g. a stray '}').
  void reportStrayToken(antlr4::Token* token);

 protected:
  void reportNoViableAlternative(antlr4::Parser* recognizer,
                                 const antlr4::NoViableAltException& e) override;
  void reportInputMismatch(antlr4::Parser* recognizer,
                           const antlr4::InputMismatchException& e) override;
  void reportFailedPredicate(antlr4::Parser* recognizer,
                             const antlr4::FailedPredicateException& e) override;
  void reportUnwantedToken(antlr4::Parser* recognizer) override;
  void reportMissingToken(antlr4::Parser* recognizer) override;
  antlr4::Token* singleTokenDeletion(antlr4::Parser* recognizer) override;
  antlr4::misc::IntervalSet getErrorRecoverySet(antlr4::Parser* recognizer) override;
  void sync(antlr4::Parser* recognizer) override;
  void recover(antlr4::Parser* recognizer, std::exception_ptr e) override;

 private:
  void describe(antlr4::Parser* recognizer, antlr4::Token* offending,
                const antlr4::misc::IntervalSet& expected, bool extraneous);
  Span tokenSpan(antlr4::Token* token) const;
  void emit(Diagnostic diagnostic);

  const SourceFile& file_;
  DiagnosticSink& sink_;
  size_t errors_ = 0;
  bool unterminated_string_reported_ = false;
  uint32_t last_error_line_ = 0;  // line of the last reported error (0: none yet)
};

}  // namespace lkml::grammar
