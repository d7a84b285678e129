#include "lsp/protocol_convert.h"

#include <stdexcept>

#include "base/rule_docs.h"

namespace lkml::lsp {

namespace {

int severityNumber(Severity severity) {
  switch (severity) {
    case Severity::Error:
      return 1;
    case Severity::Warning:
      return 2;
    case Severity::Info:
      return 3;
  }
  return 3;
}

}  // namespace

const LineIndex* RangeConverter::lines(FileId file) {
  const SourceFile* source = files_.find(file);
  if (!source) return nullptr;
  auto it = lines_.find(file);
  if (it == lines_.end()) it = lines_.emplace(file, LineIndex(source->text())).first;
  return &it->second;
}

Json positionJson(Position position) {
  return Json{{"line", position.line}, {"character", position.character}};
}

Position positionFromJson(const Json& json) {
  auto field = [&](const char* name) -> uint32_t {
    auto it = json.find(name);
    if (it == json.end() || !it->is_number()) {
      throw std::invalid_argument(std::string("position `") + name + "` is not a number");
    }
    double d = it->get<double>();
    return d <= 0 ? 0 : d >= 4294967295.0 ? UINT32_MAX : static_cast<uint32_t>(d);
  };
  Position p;
  p.line = field("line");
  p.character = field("character");
  return p;
}

Json RangeConverter::range(Span span) {
  const LineIndex* index = span.valid() ? lines(span.file) : nullptr;
  Position begin, end;
  if (index) {
    begin = index->positionOf(span.begin, encoding_);
    end = index->positionOf(std::max(span.begin, span.end), encoding_);
  }
  return Json{{"start", positionJson(begin)}, {"end", positionJson(end)}};
}

std::string diagnosticFile(const Diagnostic& diagnostic, const SourceMap& files) {
  if (diagnostic.span.valid()) {
    if (const SourceFile* file = files.find(diagnostic.span.file)) return file->path();
  }
  return diagnostic.path;
}

Json diagnosticJson(const Diagnostic& d, RangeConverter& ranges) {
  Json out;
  out["range"] = ranges.range(d.span);
  out["severity"] = severityNumber(d.severity);
  out["code"] = d.codeName();
  std::string href = ruleHelpUri(d.code);
  if (!href.empty()) out["codeDescription"] = Json{{"href", href}};
  out["source"] = "lkml";
  std::string message = d.message;
  Json related = Json::array();
  for (const Label& note : d.notes) {
    if (note.span.valid() && ranges.lines(note.span.file)) {
      Json location{{"uri", pathToUri(ranges.files().file(note.span.file).path())},
                    {"range", ranges.range(note.span)}};
      related.push_back(Json{{"location", std::move(location)},
                             {"message", note.message.empty() ? "related" : note.message}});
    } else if (!note.message.empty()) {
      message += "\n" + note.message;
    }
  }
  if (!d.help.empty()) message += "\nhelp: " + d.help;
  out["message"] = message;
  if (!related.empty()) out["relatedInformation"] = std::move(related);
  return out;
}

}  // namespace lkml::lsp
