#include "grammar/parse.h"

#include <atomic>
#include <thread>

#include "LookMLParser.h"
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
    d.message = "`" + file.path() + "` looks like a binary file (it contains NUL bytes), not LookML";
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
    Diagnostic d = makeDiagnostic(DiagCode::nesting_too_deep, at,
                                  "blocks and lists are nested more than " +
                                      std::to_string(kMaxNesting) + " levels deep");
    d.label = "nesting limit exceeded here";
    d.help = "LookML never needs this depth; look for unbalanced '{' or '['";
    sink.report(std::move(d));
    doc.complete = false;
    return doc;
  }

  ArenaTokenSource source(file, lexed.tokens);
  antlr4::CommonTokenStream tokens(&source);
  LookMLParser parser(&tokens);
  parser.removeErrorListeners();
  auto strategy = std::make_shared<SyntaxErrorStrategy>(file, sink);
  parser.setErrorHandler(strategy);
  parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(
      antlr4::atn::PredictionMode::SLL);
  TreeBuilder builder(file);

  // Parse one top-level member at a time and free its parse tree at once, so ANTLR's
  // memory is bounded by the largest member instead of growing with the file.
  while (tokens.LA(1) != antlr4::Token::EOF) {
    size_t type = tokens.LA(1);
    size_t before = tokens.index();
    if (type == kLiteral || type == kSqlKey) {
      parser.setState(antlr4::atn::ATNState::INVALID_STATE_NUMBER);
      LookMLParser::MemberContext* member = parser.member();
      syntax::Node node;
      if (builder.buildMember(member, &node)) doc.members.push_back(std::move(node));
      parser.getTreeTracker().reset();
    } else {
      strategy->reportStrayToken(tokens.LT(1));
      tokens.consume();
    }
    if (tokens.index() == before && tokens.LA(1) != antlr4::Token::EOF) tokens.consume();
  }
  doc.complete = strategy->errorCount() == 0;
  return doc;
}

std::vector<syntax::Document> parseAll(const std::vector<const SourceFile*>& files,
                                       DiagnosticSink& sink, unsigned threads) {
  std::vector<syntax::Document> docs(files.size());
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = std::min<unsigned>(threads, static_cast<unsigned>(files.size()));
  if (threads <= 1) {
    for (size_t i = 0; i < files.size(); ++i) docs[i] = parse(*files[i], sink);
    return docs;
  }
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i; (i = next.fetch_add(1)) < files.size();) docs[i] = parse(*files[i], sink);
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  return docs;
}

}  // namespace lkml::grammar
