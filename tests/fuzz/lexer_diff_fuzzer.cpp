// libFuzzer target: on valid UTF-8 input the hand-written lexer must produce exactly the
// tokens of the generated ANTLR lexer (LookMLLexer.g4), comments included.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "grammar/input_checks.h"
#include "tests/fuzz/token_streams.h"

extern "C" const char* __ubsan_default_options() { return "halt_on_error=1:print_stacktrace=1"; }
// The ANTLR 4.9 C++ runtime leaks a config set for each DFA edge whose closure crosses a lexer
// predicate (our SQL_KEY's bracket-depth check): antlr/antlr4#3364, in the reference lexer only.
extern "C" const char* __lsan_default_suppressions() {
  return "leak:antlr4::atn::LexerATNSimulator::computeTargetState\n";
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  if (lkml::grammar::findInvalidUtf8(text)) return -1;  // ANTLR only reads UTF-8: not in corpus
  lkml::test::TokenStreams antlr = lkml::test::antlrTokens(text);
  lkml::test::TokenStreams hand = lkml::test::handTokens(text);
  std::string tokens = lkml::test::firstDifference(antlr.tokens, hand.tokens);
  std::string comments = lkml::test::firstDifference(antlr.comments, hand.comments);
  if (!tokens.empty() || !comments.empty() || antlr.lexer_errors != 0) {
    std::fprintf(stderr, "lexer difference: %s%s (ANTLR lexer errors: %zu)\n", tokens.c_str(),
                 comments.c_str(), antlr.lexer_errors);
    __builtin_trap();
  }
  return 0;
}
