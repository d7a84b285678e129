// The compiler-style text renderer: header line, gutter, source line, caret underline, label,
// notes and help; colour only when asked.
#include <gtest/gtest.h>

#include <sstream>

#include "base/diagnostic_renderer.h"

namespace lkml {
namespace {

std::string render(const std::vector<Diagnostic>& diagnostics, const SourceMap& sources,
                   bool color = false) {
  std::ostringstream out;
  RenderOptions options;
  options.color = color;
  renderText(out, diagnostics, sources, options);
  return out.str();
}

Diagnostic at(const SourceFile& file, uint32_t begin, uint32_t end, DiagCode code,
              std::string message) {
  return makeDiagnostic(code, {file.id(), begin, end}, std::move(message));
}

TEST(RenderTextTest, CaretGutterLabelAndHelp) {
  SourceMap sources;
  const SourceFile& f = sources.add("views/a.view.lkml", "view: a {\n  foo bar\n}\n");
  Diagnostic d = at(f, 16, 19, DiagCode::unexpected_token, "expected ':', found `bar`");
  d.label = "in `view: a`";
  d.help = "parameters are written `key: value`; is a ':' missing?";
  EXPECT_EQ(render({d}, sources),
            "views/a.view.lkml:2:7: error[LKML101]: expected ':', found `bar`\n"
            "  |\n"
            "2 |   foo bar\n"
            "  |       ^^^ in `view: a`\n"
            "   = help: parameters are written `key: value`; is a ':' missing?\n"
            "   = rule: unexpected-token\n");
}

TEST(RenderTextTest, NoLabelNoHelp) {
  SourceMap sources;
  const SourceFile& f = sources.add("a.lkml", "a: }\n");
  EXPECT_EQ(render({at(f, 3, 4, DiagCode::missing_value, "m")}, sources),
            "a.lkml:1:4: error[LKML108]: m\n"
            "  |\n"
            "1 | a: }\n"
            "  |    ^\n"
            "   = rule: missing-value\n");
}

TEST(RenderTextTest, WideGutterForLineTen) {
  SourceMap sources;
  std::string text(9, '\n');
  text += "x: y";
  const SourceFile& f = sources.add("a.lkml", text);
  EXPECT_EQ(render({at(f, 12, 13, DiagCode::unexpected_token, "m")}, sources),
            "a.lkml:10:4: error[LKML101]: m\n"
            "   |\n"
            "10 | x: y\n"
            "   |    ^\n"
            "   = rule: unexpected-token\n");
}

TEST(RenderTextTest, EmptySpanAtEndOfFileGetsOneCaret) {
  SourceMap sources;
  const SourceFile& f = sources.add("a.lkml", "a:");
  Diagnostic d = at(f, 2, 2, DiagCode::missing_value, "expected a value after `a:`");
  d.label = "expected a value here";
  EXPECT_EQ(render({d}, sources),
            "a.lkml:1:3: error[LKML108]: expected a value after `a:`\n"
            "  |\n"
            "1 | a:\n"
            "  |   ^ expected a value here\n"
            "   = rule: missing-value\n");
}

TEST(RenderTextTest, EmptyLastLineAfterTrailingNewline) {
  SourceMap sources;
  const SourceFile& f = sources.add("a.lkml", "a: {\n");
  EXPECT_EQ(render({at(f, 5, 5, DiagCode::unclosed_block, "m")}, sources),
            "a.lkml:2:1: error[LKML102]: m\n"
            "  |\n"
            "2 | \n"
            "  | ^\n"
            "   = rule: unclosed-block\n");
}

TEST(RenderTextTest, MultiLineSpanUnderlinesToTheEndOfTheFirstLine) {
  SourceMap sources;
  const SourceFile& f = sources.add("a.lkml", "view: a {\n  x: y\n}\n");
  EXPECT_EQ(render({at(f, 6, 18, DiagCode::unexpected_token, "m")}, sources),
            "a.lkml:1:7: error[LKML101]: m\n"
            "  |\n"
            "1 | view: a {\n"
            "  |       ^^^\n"
            "   = rule: unexpected-token\n");
}

TEST(RenderTextTest, TabsBecomeSpacesAndStayAligned) {
  SourceMap sources;
  const SourceFile& f = sources.add("a.lkml", "\t\tfoo bar\n");
  EXPECT_EQ(render({at(f, 6, 9, DiagCode::unexpected_token, "m")}, sources),
            "a.lkml:1:7: error[LKML101]: m\n"
            "  |\n"
            "1 |   foo bar\n"
            "  |       ^^^\n"
            "   = rule: unexpected-token\n");
}

TEST(RenderTextTest, CrlfIsNotPrinted) {
  SourceMap sources;
  const SourceFile& f = sources.add("a.lkml", "a: b\r\nc d\r\n");
  EXPECT_EQ(render({at(f, 8, 9, DiagCode::unexpected_token, "m")}, sources),
            "a.lkml:2:3: error[LKML101]: m\n"
            "  |\n"
            "2 | c d\n"
            "  |   ^\n"
            "   = rule: unexpected-token\n");
}

TEST(RenderTextTest, UnicodeColumnsAndCaretWidthInCodePoints) {
  SourceMap sources;
  const SourceFile& f = sources.add("a.lkml", "label: \"\xc3\xa9\xe6\x97\xa5\" x\n");
  // The string token "é日" spans bytes 7..14 (4 code points with the quotes).
  EXPECT_EQ(render({at(f, 7, 14, DiagCode::unexpected_token, "m")}, sources),
            "a.lkml:1:8: error[LKML101]: m\n"
            "  |\n"
            "1 | label: \"\xc3\xa9\xe6\x97\xa5\" x\n"
            "  |        ^^^^\n"
            "   = rule: unexpected-token\n");
  EXPECT_EQ(render({at(f, 15, 16, DiagCode::unexpected_token, "m")}, sources),
            "a.lkml:1:13: error[LKML101]: m\n"
            "  |\n"
            "1 | label: \"\xc3\xa9\xe6\x97\xa5\" x\n"
            "  |             ^\n"
            "   = rule: unexpected-token\n");
}

TEST(RenderTextTest, VeryLongLinesAreShortened) {
  SourceMap sources;
  std::string line = "label: \"" + std::string(500, 'x');
  const SourceFile& f = sources.add("a.lkml", line);
  std::string out = render({at(f, 300, 310, DiagCode::unterminated_string, "m")}, sources);
  std::istringstream lines(out);
  std::string header, bar, source, caret;
  std::getline(lines, header);
  std::getline(lines, bar);
  std::getline(lines, source);
  std::getline(lines, caret);
  EXPECT_EQ(header, "a.lkml:1:301: error[LKML104]: m");
  EXPECT_EQ(source, "1 | " + line.substr(0, 200) + " ...");
  EXPECT_EQ(caret, "  | " + std::string(200, ' ') + std::string(10, '^'));
}

TEST(RenderTextTest, FileLevelDiagnosticHasNoSnippet) {
  SourceMap sources;
  Diagnostic d = makeDiagnostic(DiagCode::unreadable_file, {}, "cannot read `x.lkml`: denied");
  d.path = "x.lkml";
  EXPECT_EQ(render({d}, sources),
            "x.lkml: error[LKML109]: cannot read `x.lkml`: denied\n"
            "   = rule: unreadable-file\n");
}

TEST(RenderTextTest, WarningAndInfoSeverities) {
  SourceMap sources;
  const SourceFile& f = sources.add("a.lkml", "a: b\n");
  Diagnostic w = at(f, 0, 1, DiagCode::unexpected_token, "w");
  w.severity = Severity::Warning;
  Diagnostic i = at(f, 0, 1, DiagCode::unexpected_token, "i");
  i.severity = Severity::Info;
  std::string out = render({w, i}, sources);
  EXPECT_NE(out.find("a.lkml:1:1: warning[LKML101]: w\n"), std::string::npos);
  EXPECT_NE(out.find("a.lkml:1:1: info[LKML101]: i\n"), std::string::npos);
}

TEST(RenderTextTest, NotesWithAndWithoutLocation) {
  SourceMap sources;
  const SourceFile& f = sources.add("a.lkml", "view: a {}\nview: a {}\n");
  Diagnostic d = at(f, 17, 18, DiagCode::unexpected_token, "duplicate view `a`");
  d.notes.push_back({{f.id(), 6, 7}, "first defined here"});
  d.notes.push_back({{}, "views must have unique names"});
  d.help = "rename one";
  EXPECT_EQ(render({d}, sources),
            "a.lkml:2:7: error[LKML101]: duplicate view `a`\n"
            "  |\n"
            "2 | view: a {}\n"
            "  |       ^\n"
            "   = note: first defined here (a.lkml:1:7)\n"
            "   = note: views must have unique names\n"
            "   = help: rename one\n"
            "   = rule: unexpected-token\n");
}

TEST(RenderTextTest, SeveralDiagnosticsInOrder) {
  SourceMap sources;
  const SourceFile& a = sources.add("a.lkml", "x\n");
  const SourceFile& b = sources.add("b.lkml", "y\n");
  std::string out = render({at(b, 0, 1, DiagCode::unexpected_token, "second"),
                            at(a, 0, 1, DiagCode::unexpected_token, "first")},
                           sources);
  EXPECT_LT(out.find("second"), out.find("first"));  // rendered as given; sorting is the bag's
}

TEST(RenderTextTest, ColorOnlyWhenAsked) {
  SourceMap sources;
  const SourceFile& f = sources.add("a.lkml", "a: }\n");
  Diagnostic d = at(f, 3, 4, DiagCode::missing_value, "m");
  d.help = "h";
  std::string plain = render({d}, sources, false);
  EXPECT_EQ(plain.find('\x1b'), std::string::npos);
  std::string colored = render({d}, sources, true);
  EXPECT_NE(colored.find("\x1b[1;31merror[LKML108]"), std::string::npos);  // bold red
  EXPECT_NE(colored.find("\x1b[1;34m"), std::string::npos);                // blue gutter
  EXPECT_NE(colored.find("\x1b[1;32mhelp"), std::string::npos);            // green help
  EXPECT_NE(colored.find("\x1b[0m"), std::string::npos);
  // Stripping the escapes gives the plain rendering back.
  std::string stripped;
  for (size_t i = 0; i < colored.size(); ++i) {
    if (colored[i] == '\x1b') {
      while (colored[i] != 'm') ++i;
      continue;
    }
    stripped += colored[i];
  }
  EXPECT_EQ(stripped, plain);
}

TEST(RenderTextTest, EmptyListRendersNothing) {
  SourceMap sources;
  EXPECT_EQ(render({}, sources), "");
}

TEST(RenderTextTest, DispatchThroughRenderDiagnostics) {
  SourceMap sources;
  const SourceFile& f = sources.add("a.lkml", "a: }\n");
  std::vector<Diagnostic> ds = {at(f, 3, 4, DiagCode::missing_value, "m")};
  std::ostringstream direct, dispatched;
  renderText(direct, ds, sources, {});
  renderDiagnostics(dispatched, OutputFormat::Text, ds, sources, {});
  EXPECT_EQ(direct.str(), dispatched.str());
}

}  // namespace
}  // namespace lkml
