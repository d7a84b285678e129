// Helpers for the grammar tests: parse a string, look at diagnostics and spans.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "base/diagnostic_renderer.h"
#include "grammar/parse.h"

namespace lkml::test {

/// A parsed string: owns the source map so spans and string_views stay valid.
struct Parsed {
  std::unique_ptr<SourceMap> sources = std::make_unique<SourceMap>();
  const SourceFile* file = nullptr;
  DiagnosticBag bag;
  syntax::Document doc;

  const std::vector<Diagnostic>& diagnostics() const { return bag.diagnostics(); }
  const syntax::Node& member(size_t i) const { return doc.members.at(i); }
  std::string_view text(Span span) const { return file->slice(span); }
  /// "line:col" of a byte offset.
  std::string at(uint32_t offset) const {
    LineCol lc = file->lineCol(offset);
    return std::to_string(lc.line) + ":" + std::to_string(lc.column);
  }
  /// The rendered text output of all diagnostics, without colour.
  std::string rendered() const {
    std::ostringstream out;
    renderText(out, bag.diagnostics(), *sources, RenderOptions{});
    return out.str();
  }
  /// "LKML101 2:7 message" per diagnostic, one per line, sorted by position.
  std::string summary() const {
    std::string out;
    for (const Diagnostic& d : bag.diagnostics()) {
      out += d.codeName();
      if (d.span.valid()) out += " " + at(d.span.begin);
      out += " " + d.message + "\n";
    }
    return out;
  }
};

inline std::unique_ptr<Parsed> parseText(std::string text, std::string path = "test.lkml") {
  auto p = std::make_unique<Parsed>();
  p->file = &p->sources->add(std::move(path), std::move(text));
  p->doc = grammar::parse(*p->file, p->bag);
  p->bag.sort();
  return p;
}

/// Parses text that must be valid and returns it.
inline std::unique_ptr<Parsed> parseValid(std::string text) {
  auto p = parseText(std::move(text));
  EXPECT_EQ(p->summary(), "");
  EXPECT_TRUE(p->doc.complete);
  return p;
}

}  // namespace lkml::test
