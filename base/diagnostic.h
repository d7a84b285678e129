// Diagnostics shared by every stage: a severity, a stable code (LKML1xx syntax, 2xx semantic,
// 3xx live schema, 4xx query/access), a message, a primary span with a label, secondary notes
// and a help text. Renderers (render_*.h) turn them into text, JSON, SARIF or GitHub annotations.
#pragma once

#include <mutex>
#include <string>
#include <vector>

#include "base/span.h"

namespace lkml {

enum class Severity { Error, Warning, Info };
const char* severityName(Severity severity);

enum class DiagCode : int {
#define LKML_DIAG(num, sev, slug, summary) slug = num,
#include "base/diagnostic_codes.def"
#undef LKML_DIAG
};

struct DiagInfo {
  int number;
  Severity severity;
  const char* slug;
  const char* summary;
};
/// Every known code, in numeric order (from diagnostic_codes.def).
const std::vector<DiagInfo>& allDiagnosticCodes();
/// Codes registered by later stages (semantic, schema, codegen) through their own .def files.
void registerDiagnosticCodes(const std::vector<DiagInfo>& codes);
const DiagInfo* findDiagnosticCode(int number);

struct Label {
  Span span;
  std::string message;
};

/// A machine-applicable edit (`lkml lint --fix`): replace the bytes of `span` with
/// `replacement`. Only filled where lkml is sure of the fix (a single suggestion).
struct Fix {
  Span span;
  std::string replacement;
  // The replacement is a parameter of its own: put it on a new line before `span.begin` (a
  // closing `}`), indented like the block's members, instead of inline.
  bool own_line = false;
};

struct Diagnostic {
  Severity severity = Severity::Error;
  int code = 0;              // 101 for LKML101
  std::string message;       // one sentence, no trailing period
  Span span;                 // primary location (may be invalid: then `path` names the file)
  std::string label;         // text printed under the caret
  std::string path;          // for diagnostics about a file without a span (I/O errors)
  std::vector<Label> notes;  // secondary locations
  std::string help;          // suggestion, e.g. "did you mean `sql_on`?"
  std::vector<Fix> fixes;    // edits that apply the suggestion (empty: none is certain)
  // Set by a check that knows this finding follows from another one reported at `cause` (a
  // join whose table is missing): semantic/root_causes.h folds it into that finding as a note.
  Span cause;

  std::string codeName() const;  // "LKML101"
};

Diagnostic makeDiagnostic(DiagCode code, Span span, std::string message);

/// Receives diagnostics from a stage. Implementations must be thread-safe when a stage runs
/// in parallel (DiagnosticBag is).
class DiagnosticSink {
 public:
  virtual ~DiagnosticSink() = default;
  virtual void report(Diagnostic diagnostic) = 0;
};

class DiagnosticBag : public DiagnosticSink {
 public:
  void report(Diagnostic diagnostic) override;
  /// Moves every diagnostic of `other` into this bag.
  void append(DiagnosticBag&& other);
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  std::vector<Diagnostic>& diagnostics() { return diagnostics_; }
  size_t errorCount() const;
  size_t warningCount() const;
  bool hasErrors() const { return errorCount() > 0; }
  /// Orders by file, then position, then code (stable output for tests and CI).
  void sort();

 private:
  mutable std::mutex mutex_;
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace lkml
