// lkml values as LSP JSON: byte spans as ranges in the negotiated encoding, Diagnostic as an
// LSP Diagnostic (code, codeDescription, severity, related information).
#pragma once

#include <map>
#include <string>

#include "base/diagnostic.h"
#include "base/source_file.h"
#include "lsp/json_rpc.h"
#include "lsp/text_positions.h"

namespace lkml::lsp {

/// Converts byte offsets of the files of one SourceMap to LSP positions, indexing each file's
/// lines once.
class RangeConverter {
 public:
  RangeConverter(const SourceMap& files, PositionEncoding encoding)
      : files_(files), encoding_(encoding) {}

  /// `{"start":{line,character},"end":{...}}`; a span of no known file gives 0:0-0:0.
  Json range(Span span);
  const LineIndex* lines(FileId file);
  PositionEncoding encoding() const { return encoding_; }
  const SourceMap& files() const { return files_; }

 private:
  const SourceMap& files_;
  PositionEncoding encoding_;
  std::map<FileId, LineIndex> lines_;
};

Json positionJson(Position position);
/// `{"line":..,"character":..}` from a client; negative numbers are 0, huge ones clamp. Throws
/// std::invalid_argument when a field is missing or not a number.
Position positionFromJson(const Json& json);
/// The file a diagnostic is about: its span's file, else its `path`.
std::string diagnosticFile(const Diagnostic& diagnostic, const SourceMap& files);
/// An LSP Diagnostic: `code` "LKML204", `codeDescription.href` where the rule has a documented
/// address, `source` "lkml", the help after the message, notes with a place as related
/// information (the others after the message).
Json diagnosticJson(const Diagnostic& diagnostic, RangeConverter& ranges);

}  // namespace lkml::lsp
