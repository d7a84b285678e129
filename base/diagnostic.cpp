#include "base/diagnostic.h"

#include <algorithm>
#include <cstdio>
#include <tuple>

namespace lkml {

const char* severityName(Severity severity) {
  switch (severity) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    case Severity::Info:
      return "info";
  }
  return "error";
}

namespace {
std::vector<DiagInfo>& registry() {
  static std::vector<DiagInfo> codes = {
#define LKML_DIAG(num, sev, slug, summary) {num, Severity::sev, #slug, summary},
#include "base/diagnostic_codes.def"
#undef LKML_DIAG
  };
  return codes;
}
std::mutex& registryMutex() {
  static std::mutex mutex;
  return mutex;
}
}  // namespace

const std::vector<DiagInfo>& allDiagnosticCodes() { return registry(); }

void registerDiagnosticCodes(const std::vector<DiagInfo>& codes) {
  std::lock_guard<std::mutex> lock(registryMutex());
  auto& all = registry();
  for (const auto& info : codes) {
    if (!findDiagnosticCode(info.number)) all.push_back(info);
  }
  std::sort(all.begin(), all.end(),
            [](const DiagInfo& a, const DiagInfo& b) { return a.number < b.number; });
}

const DiagInfo* findDiagnosticCode(int number) {
  for (const auto& info : registry()) {
    if (info.number == number) return &info;
  }
  return nullptr;
}

std::string Diagnostic::codeName() const {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "LKML%03d", code);
  return buffer;
}

Diagnostic makeDiagnostic(DiagCode code, Span span, std::string message) {
  Diagnostic d;
  d.code = static_cast<int>(code);
  const DiagInfo* info = findDiagnosticCode(d.code);
  d.severity = info ? info->severity : Severity::Error;
  d.span = span;
  d.message = std::move(message);
  return d;
}

void DiagnosticBag::report(Diagnostic diagnostic) {
  std::lock_guard<std::mutex> lock(mutex_);
  diagnostics_.push_back(std::move(diagnostic));
}

void DiagnosticBag::append(DiagnosticBag&& other) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (auto& d : other.diagnostics_) diagnostics_.push_back(std::move(d));
  other.diagnostics_.clear();
}

size_t DiagnosticBag::errorCount() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return std::count_if(diagnostics_.begin(), diagnostics_.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

size_t DiagnosticBag::warningCount() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return std::count_if(diagnostics_.begin(), diagnostics_.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::Warning; });
}

void DiagnosticBag::sort() {
  std::lock_guard<std::mutex> lock(mutex_);
  std::stable_sort(diagnostics_.begin(), diagnostics_.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     return std::tie(a.span.file, a.path, a.span.begin, a.code) <
                            std::tie(b.span.file, b.path, b.span.begin, b.code);
                   });
}

}  // namespace lkml
