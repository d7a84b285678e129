#include "grammar/parse.h"

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <string_view>

#include "LookMLParser.h"
#include "base/parallel_for.h"
#include "grammar/input_checks.h"
#include "grammar/lexer.h"
#include "grammar/syntax_error_strategy.h"
#include "grammar/token_source.h"
#include "grammar/tree_builder.h"

namespace lkml::grammar {

using gen::LookMLParser;

namespace {

bool checkInput(const SourceFile& file, DiagnosticSink& sink) {
  std::string_view text = file.text();
  if (looksBinary(text)) {
    Diagnostic d;
    d.code = static_cast<int>(DiagCode::binary_file);
    d.severity = Severity::Error;
    d.path = file.path();
    d.message =
        "`" + file.path() + "` looks like a binary file (it contains NUL bytes), not LookML";
    d.help = "remove it from the project or rename it so it does not end in .lkml";
    sink.report(std::move(d));
    return false;
  }
  if (auto bad = findInvalidUtf8(text)) {
    Span at{file.id(), *bad, *bad + 1};
    Diagnostic d = makeDiagnostic(DiagCode::invalid_utf8, at,
                                  "invalid UTF-8 at byte offset " + std::to_string(*bad));
    d.label = "not a valid UTF-8 sequence";
    d.help = "LookML files must be UTF-8; re-encode the file (e.g. `iconv -f latin1 -t utf-8`)";
    sink.report(std::move(d));
  }
  return true;
}

/// LKML_PARSE_ANTLR_ONLY=1 turns the fast path off: every member goes to the ANTLR parser, as
/// before the fast path existed. For differential tests (bench/CMakeLists.txt) and bisecting.
bool antlrOnly() {
  static const bool antlr_only = [] {
    const char* value = std::getenv("LKML_PARSE_ANTLR_ONLY");
    return value && *value && std::string_view(value) != "0";
  }();
  return antlr_only;
}

/// ANTLR's side of parse(): the generated parser with error recovery and LKML1xx reporting,
/// fed the hand lexer's tokens. Made only for a file with a syntax error.
struct AntlrParser {
  AntlrParser(const SourceFile& file, const std::vector<RawToken>& raw, DiagnosticSink& sink)
      : source(file, raw),
        tokens(&source),
        parser(&tokens),
        strategy(std::make_shared<SyntaxErrorStrategy>(file, sink)) {
    parser.removeErrorListeners();
    parser.setErrorHandler(strategy);
    parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(
        antlr4::atn::PredictionMode::SLL);
  }

  ArenaTokenSource source;
  antlr4::CommonTokenStream tokens;
  LookMLParser parser;
  std::shared_ptr<SyntaxErrorStrategy> strategy;
};

// `measure:: name`: the grammar accepts a doubled colon after a key (real projects have it and
// Looker loads them); warn wherever one follows a key outside a list (inside a list `a::b` is
// a syntax error, reported as such). One token scan, so both parse paths warn alike.
void reportDoubledColons(const SourceFile& file, const std::vector<RawToken>& tokens,
                         DiagnosticSink& sink) {
  int depth = 0;
  for (size_t i = 0; i + 2 < tokens.size(); ++i) {
    uint16_t type = tokens[i].type;
    if (type == kLBracket) ++depth;
    if (type == kRBracket && depth > 0) --depth;
    // A third colon is a syntax error (LKML108), reported by the parser instead.
    if (depth > 0 || type != kLiteral || tokens[i + 1].type != kColon ||
        tokens[i + 2].type != kColon || (i + 3 < tokens.size() && tokens[i + 3].type == kColon)) {
      continue;
    }
    Span key{file.id(), tokens[i].begin, tokens[i].end};
    Span extra{file.id(), tokens[i + 2].begin, tokens[i + 2].end};
    std::string name(file.slice(key));
    Diagnostic d =
        makeDiagnostic(DiagCode::doubled_colon, extra, "`" + name + "` is followed by two colons");
    d.label = "one colon too many";
    d.help = "write `" + name + ": ...` with one colon";
    sink.report(std::move(d));
  }
}

}  // namespace

syntax::Document parse(const SourceFile& file, DiagnosticSink& sink) {
  syntax::Document doc;
  doc.file = &file;
  if (!checkInput(file, sink)) {
    doc.complete = false;
    return doc;
  }
  LexResult lexed = lex(file.text(), kMaxNesting);
  doc.comments.reserve(lexed.comments.size());
  for (const RawToken& c : lexed.comments) {
    Span s{file.id(), c.begin, c.end};
    doc.comments.push_back({file.slice(s), s});
  }
  if (lexed.too_deep_at != UINT32_MAX) {
    Span at{file.id(), lexed.too_deep_at, lexed.too_deep_at + 1};
    Diagnostic d = makeDiagnostic(
        DiagCode::nesting_too_deep, at,
        "blocks and lists are nested more than " + std::to_string(kMaxNesting) + " levels deep");
    d.label = "nesting limit exceeded here";
    d.help = "LookML never needs this depth; look for unbalanced '{' or '['";
    sink.report(std::move(d));
    doc.complete = false;
    return doc;
  }

  reportDoubledColons(file, lexed.tokens, sink);

  // Top-level members one at a time. A valid member (nearly all of them) is recognised and
  // built straight from the tokens by TreeBuilder, which accepts exactly what the grammar
  // accepts. The ANTLR parser, slow (≈ 30 ms/MB, and serialised across threads by its
  // runtime's process-wide DFA locks) but the owner of error recovery and of the LKML1xx
  // wording, parses only members with a syntax error. Its per-member parse tree is freed at
  // once, so its memory is bounded by the largest member instead of growing with the file.
  const RawToken* raw = lexed.tokens.data();
  TreeBuilder builder(file);
  std::unique_ptr<AntlrParser> antlr;
  const bool fast_path = !antlrOnly();
  size_t pos = 0;
  while (raw[pos].type != kEof) {
    const size_t before = pos;
    const uint16_t type = raw[pos].type;
    // While ANTLR is still recovering from an error in the previous member it would not
    // report a new one, so such a member goes to it even when valid; otherwise a valid member
    // leaves ANTLR's error-recovery state as it was, and skipping ANTLR changes nothing.
    const bool recovering = antlr && antlr->strategy->inErrorRecoveryMode(&antlr->parser);
    if ((type == kLiteral || type == kSqlKey) && !recovering && fast_path) {
      syntax::Node node;
      if (builder.buildMember(raw, &pos, &node)) {
        doc.members.push_back(std::move(node));
        continue;
      }
      pos = before;
    }
    if (!antlr) antlr = std::make_unique<AntlrParser>(file, lexed.tokens, sink);
    antlr4::CommonTokenStream& tokens = antlr->tokens;
    tokens.seek(pos);
    if (type == kLiteral || type == kSqlKey) {
      antlr->parser.setState(antlr4::atn::ATNState::INVALID_STATE_NUMBER);
      LookMLParser::MemberContext* member = antlr->parser.member();
      syntax::Node node;
      if (builder.buildMember(member, &node)) doc.members.push_back(std::move(node));
      antlr->parser.getTreeTracker().reset();
    } else {
      antlr->strategy->reportStrayToken(tokens.LT(1));
      tokens.consume();
    }
    if (tokens.index() == before && tokens.LA(1) != antlr4::Token::EOF) tokens.consume();
    pos = tokens.index();
  }
  doc.complete = !antlr || antlr->strategy->errorCount() == 0;
  return doc;
}

std::vector<syntax::Document> parseAll(const std::vector<const SourceFile*>& files,
                                       DiagnosticSink& sink, unsigned threads) {
  std::vector<syntax::Document> docs(files.size());
  std::vector<size_t> order(files.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  threads = threadCount(files.size(), threads);
  if (threads > 1) {
    // Largest files first: one big file picked up last would leave the other threads idle
    // while it is parsed (the corpus has a 451 KB file among 306 that total 1.9 MB).
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      return files[a]->text().size() > files[b]->text().size();
    });
  }
  parallelFor(order.size(), threads,
              [&](size_t k) { docs[order[k]] = parse(*files[order[k]], sink); });
  return docs;
}

}  // namespace lkml::grammar
