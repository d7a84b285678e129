// Machine-readable renderers: JSON, SARIF 2.1.0 and GitHub Actions workflow commands.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "base/diagnostic_renderer.h"
#include "base/rule_docs.h"
#include "base/version.h"

namespace lkml {
namespace {

using Json = nlohmann::json;

// Three diagnostics over two files: an error with label/help/note, a warning, a file-level one.
struct Fixture {
  SourceMap sources;
  std::vector<Diagnostic> diagnostics;

  Fixture() {
    const SourceFile& a = sources.add("./views/a.view.lkml", "view: a {\n  foo bar\n}\n");
    const SourceFile& b = sources.add("models/m.model.lkml", "label: \"\xc3\xa9\" x\n");
    Diagnostic e =
        makeDiagnostic(DiagCode::unexpected_token, {a.id(), 16, 19}, "expected ':', found `bar`");
    e.label = "in `view: a`";
    e.help = "is a ':' missing?";
    e.notes.push_back({{a.id(), 6, 7}, "view opened here"});
    diagnostics.push_back(e);
    Diagnostic w = makeDiagnostic(DiagCode::unexpected_token, {b.id(), 12, 13}, "odd `x`");
    w.severity = Severity::Warning;
    diagnostics.push_back(w);
    Diagnostic io = makeDiagnostic(DiagCode::unreadable_file, {}, "cannot read `c.lkml`");
    io.path = "c.lkml";
    diagnostics.push_back(io);
  }

  std::string render(OutputFormat format) const {
    std::ostringstream out;
    RenderOptions options;
    options.tool_version = kLkmlVersion;
    renderDiagnostics(out, format, diagnostics, sources, options);
    return out.str();
  }
};

// ---- JSON -----------------------------------------------------------------------------------

TEST(RenderJsonTest, Fields) {
  Fixture f;
  std::string text = f.render(OutputFormat::Json);
  EXPECT_EQ(text.back(), '\n');
  Json root = Json::parse(text);
  EXPECT_EQ(root["version"], kLkmlVersion);
  EXPECT_EQ(root["summary"]["errors"], 2);
  EXPECT_EQ(root["summary"]["warnings"], 1);
  ASSERT_EQ(root["diagnostics"].size(), 3u);
  const Json& e = root["diagnostics"][0];
  EXPECT_EQ(e["code"], "LKML101");
  EXPECT_EQ(e["name"], "unexpected_token");
  EXPECT_EQ(e["severity"], "error");
  EXPECT_EQ(e["message"], "expected ':', found `bar`");
  EXPECT_EQ(e["file"], "./views/a.view.lkml");
  EXPECT_EQ(e["line"], 2);
  EXPECT_EQ(e["column"], 7);
  EXPECT_EQ(e["end_line"], 2);
  EXPECT_EQ(e["end_column"], 10);
  EXPECT_EQ(e["offset"], 16);
  EXPECT_EQ(e["label"], "in `view: a`");
  EXPECT_EQ(e["help"], "is a ':' missing?");
  ASSERT_EQ(e["notes"].size(), 1u);
  EXPECT_EQ(e["notes"][0], (Json{{"message", "view opened here"},
                                 {"file", "./views/a.view.lkml"},
                                 {"line", 1},
                                 {"column", 7}}));
  const Json& w = root["diagnostics"][1];
  EXPECT_EQ(w["severity"], "warning");
  EXPECT_EQ(w["column"], 12);  // é is one column
  EXPECT_EQ(w["end_column"], 13);
  EXPECT_FALSE(w.contains("label"));
  EXPECT_FALSE(w.contains("help"));
  EXPECT_FALSE(w.contains("notes"));
  const Json& io = root["diagnostics"][2];
  EXPECT_EQ(io["code"], "LKML109");
  EXPECT_EQ(io["file"], "c.lkml");
  EXPECT_FALSE(io.contains("line"));
  EXPECT_FALSE(io.contains("offset"));
}

TEST(RenderJsonTest, ExactShapeOfOneDiagnostic) {
  SourceMap sources;
  const SourceFile& f = sources.add("a.lkml", "a: }");
  std::vector<Diagnostic> ds = {makeDiagnostic(DiagCode::missing_value, {f.id(), 3, 4}, "m")};
  std::ostringstream out;
  renderJson(out, ds, sources, {});
  EXPECT_EQ(out.str(), std::string("{\n  \"version\": \"") + kLkmlVersion + R"(",
  "diagnostics": [
    {
      "code": "LKML108",
      "name": "missing_value",
      "severity": "error",
      "message": "m",
      "file": "a.lkml",
      "line": 1,
      "column": 4,
      "end_line": 1,
      "end_column": 5,
      "offset": 3
    }
  ],
  "summary": {
    "errors": 1,
    "warnings": 0
  }
}
)");
}

TEST(RenderJsonTest, EmptyAndUnknownCode) {
  SourceMap sources;
  std::ostringstream out;
  renderJson(out, {}, sources, {});
  Json root = Json::parse(out.str());
  EXPECT_TRUE(root["diagnostics"].is_array());
  EXPECT_TRUE(root["diagnostics"].empty());
  EXPECT_EQ(root["summary"]["errors"], 0);
  Diagnostic d;
  d.code = 990;
  d.path = "x";
  std::ostringstream out2;
  renderJson(out2, {d}, sources, {});
  EXPECT_EQ(Json::parse(out2.str())["diagnostics"][0]["name"], "");
}

TEST(RenderJsonTest, InvalidUtf8InMessagesDoesNotThrow) {
  SourceMap sources;
  Diagnostic d;
  d.code = 101;
  d.path = "bad\xff.lkml";
  d.message = "unexpected `\xff\xfe`";
  std::ostringstream out;
  EXPECT_NO_THROW(renderJson(out, {d}, sources, {}));
  Json root = Json::parse(out.str());
  EXPECT_EQ(root["diagnostics"][0]["message"], "unexpected `\xef\xbf\xbd\xef\xbf\xbd`");
}

// ---- SARIF ----------------------------------------------------------------------------------

TEST(RenderSarifTest, Structure) {
  Fixture f;
  Json root = Json::parse(f.render(OutputFormat::Sarif));
  EXPECT_EQ(root["version"], "2.1.0");
  EXPECT_EQ(root["$schema"], "https://json.schemastore.org/sarif-2.1.0.json");
  ASSERT_EQ(root["runs"].size(), 1u);
  const Json& run = root["runs"][0];
  EXPECT_EQ(run["columnKind"], "unicodeCodePoints");
  const Json& driver = run["tool"]["driver"];
  EXPECT_EQ(driver["name"], "lkml");
  EXPECT_EQ(driver["semanticVersion"], kLkmlVersion);
  // informationUri/helpUri only when the build knows the repository (never a made-up one).
  EXPECT_EQ(driver.contains("informationUri"), !repositoryUrl().empty());
  // One rule per code used, in code order.
  ASSERT_EQ(driver["rules"].size(), 2u);
  EXPECT_EQ(driver["rules"][0]["id"], "LKML101");
  EXPECT_EQ(driver["rules"][0]["name"], "unexpected_token");
  EXPECT_EQ(driver["rules"][0]["shortDescription"]["text"], "unexpected token");
  EXPECT_EQ(driver["rules"][0]["defaultConfiguration"]["level"], "error");
  // Rule help is the rule's section of docs/diagnostics.md.
  EXPECT_NE(
      driver["rules"][0]["help"]["markdown"].get<std::string>().find("## LKML101 unexpected-token"),
      std::string::npos);
  EXPECT_NE(driver["rules"][0]["fullDescription"]["text"].get<std::string>().find("token"),
            std::string::npos);
  if (!repositoryUrl().empty()) {
    EXPECT_EQ(driver["rules"][0]["helpUri"],
              repositoryUrl() + "/blob/main/docs/diagnostics.md#lkml101-unexpected-token");
  } else {
    EXPECT_FALSE(driver["rules"][0].contains("helpUri"));
  }
  EXPECT_EQ(driver["rules"][1]["id"], "LKML109");

  const Json& results = run["results"];
  ASSERT_EQ(results.size(), 3u);
  const Json& e = results[0];
  EXPECT_EQ(e["ruleId"], "LKML101");
  EXPECT_EQ(e["ruleIndex"], 0);
  EXPECT_EQ(e["level"], "error");
  EXPECT_EQ(e["message"]["text"], "expected ':', found `bar`\nhelp: is a ':' missing?");
  ASSERT_EQ(e["locations"].size(), 1u);
  const Json& physical = e["locations"][0]["physicalLocation"];
  EXPECT_EQ(physical["artifactLocation"]["uri"], "views/a.view.lkml");  // "./" dropped
  EXPECT_EQ(physical["region"],
            (Json{{"startLine", 2}, {"startColumn", 7}, {"endLine", 2}, {"endColumn", 10}}));
  ASSERT_EQ(e["relatedLocations"].size(), 1u);
  EXPECT_EQ(e["relatedLocations"][0]["id"], 0);
  EXPECT_EQ(e["relatedLocations"][0]["message"]["text"], "view opened here");
  EXPECT_EQ(e["relatedLocations"][0]["physicalLocation"]["region"]["startColumn"], 7);

  EXPECT_EQ(results[1]["level"], "warning");
  EXPECT_EQ(results[1]["ruleIndex"], 0);
  EXPECT_EQ(results[1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "models/m.model.lkml");
  EXPECT_EQ(results[2]["ruleIndex"], 1);
  EXPECT_EQ(results[2]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "c.lkml");
  EXPECT_FALSE(results[2]["locations"][0]["physicalLocation"].contains("region"));
}

TEST(RenderSarifTest, InfoIsNoteAndEmptyRunIsValid) {
  SourceMap sources;
  Diagnostic d = makeDiagnostic(DiagCode::unexpected_token, {}, "m");
  d.path = "a.lkml";
  d.severity = Severity::Info;
  std::ostringstream out;
  renderSarif(out, {d}, sources, {});
  EXPECT_EQ(Json::parse(out.str())["runs"][0]["results"][0]["level"], "note");
  std::ostringstream empty;
  renderSarif(empty, {}, sources, {});
  Json root = Json::parse(empty.str());
  EXPECT_TRUE(root["runs"][0]["results"].empty());
  EXPECT_TRUE(root["runs"][0]["tool"]["driver"]["rules"].empty());
}

// ---- GitHub ---------------------------------------------------------------------------------

TEST(RenderGithubTest, Commands) {
  Fixture f;
  EXPECT_EQ(f.render(OutputFormat::Github),
            "::error file=./views/a.view.lkml,line=2,col=7,endLine=2,endColumn=10,title=LKML101"
            "::expected ':', found `bar`%0Anote: view opened here (./views/a.view.lkml:1:7)"
            "%0Ahelp: is a ':' missing?\n"
            "::warning file=models/m.model.lkml,line=1,col=12,endLine=1,endColumn=13,"
            "title=LKML101::odd `x`\n"
            "::error file=c.lkml,title=LKML109::cannot read `c.lkml`\n");
}

TEST(RenderGithubTest, EscapesPropertiesAndData) {
  SourceMap sources;
  const SourceFile& f = sources.add("dir,with:odd%chars/a.lkml", "a: }\n");
  Diagnostic d =
      makeDiagnostic(DiagCode::missing_value, {f.id(), 3, 4}, "100% wrong: a, b\r\nnext line");
  d.severity = Severity::Info;
  std::ostringstream out;
  renderGithub(out, {d}, sources, {});
  EXPECT_EQ(out.str(),
            "::notice file=dir%2Cwith%3Aodd%25chars/a.lkml,line=1,col=4,endLine=1,endColumn=5,"
            "title=LKML108::100%25 wrong: a, b%0D%0Anext line\n");
}

TEST(RenderGithubTest, OneLinePerDiagnostic) {
  Fixture f;
  std::string out = f.render(OutputFormat::Github);
  size_t lines = 0;
  for (char c : out) lines += c == '\n';
  EXPECT_EQ(lines, f.diagnostics.size());
}

}  // namespace
}  // namespace lkml
