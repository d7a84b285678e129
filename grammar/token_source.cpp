#include "grammar/token_source.h"

namespace lkml::grammar {

std::string LiteToken::getText() const {
  if (type_ == kEof) return "<EOF>";
  return std::string(source_->file().text().substr(begin_, end_ - begin_));
}

size_t LiteToken::getLine() const { return source_->file().lineCol(begin_).line; }

size_t LiteToken::getCharPositionInLine() const {
  return source_->file().lineCol(begin_).column - 1;
}

antlr4::TokenSource* LiteToken::getTokenSource() const {
  return const_cast<ArenaTokenSource*>(source_);
}

ArenaTokenSource::ArenaTokenSource(const SourceFile& file, const std::vector<RawToken>& tokens)
    : file_(file),
      tokens_(tokens),
      arena_(new std::aligned_storage_t<sizeof(LiteToken), alignof(LiteToken)>[tokens.size()]) {}

// Tokens handed to ANTLR were destroyed by its token stream; the rest were never constructed.
ArenaTokenSource::~ArenaTokenSource() = default;

std::unique_ptr<antlr4::Token> ArenaTokenSource::nextToken() {
  if (next_ < tokens_.size()) {
    size_t i = next_++;
    return std::unique_ptr<antlr4::Token>(new (&arena_[i]) LiteToken(this, tokens_[i]));
  }
  // Asked again after EOF (the raw stream ends with one): an ordinary heap token.
  return std::make_unique<antlr4::CommonToken>(antlr4::Token::EOF);
}

antlr4::TokenFactory<antlr4::CommonToken>* ArenaTokenSource::getTokenFactory() {
  return antlr4::CommonTokenFactory::DEFAULT.get();
}

}  // namespace lkml::grammar
