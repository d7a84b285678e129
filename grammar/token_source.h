// Feeds the hand-written lexer's tokens to the generated ANTLR parser (internal to grammar/).
// Tokens live in one arena allocated up front: ANTLR's token stream "deletes" them through a
// no-op operator delete, so a file costs one allocation for all its tokens instead of one each.
#pragma once

#include <memory>
#include <string>

#include "antlr4-runtime.h"
#include "base/source_file.h"
#include "grammar/lexer.h"

namespace lkml::grammar {

class ArenaTokenSource;

class LiteToken final : public antlr4::WritableToken {
 public:
  LiteToken(const ArenaTokenSource* source, const RawToken& raw)
      : source_(source), begin_(raw.begin), end_(raw.end), type_(raw.type) {}

  static void operator delete(void*) {}  // storage belongs to ArenaTokenSource

  uint32_t begin() const { return begin_; }
  uint32_t end() const { return end_; }
  uint16_t type() const { return type_; }

  std::string getText() const override;
  size_t getType() const override { return type_ == kEof ? antlr4::Token::EOF : type_; }
  size_t getLine() const override;
  size_t getCharPositionInLine() const override;
  size_t getChannel() const override { return antlr4::Token::DEFAULT_CHANNEL; }
  size_t getTokenIndex() const override { return index_; }
  size_t getStartIndex() const override { return begin_; }
  size_t getStopIndex() const override { return end_ - 1; }
  antlr4::TokenSource* getTokenSource() const override;
  antlr4::CharStream* getInputStream() const override { return nullptr; }
  std::string toString() const override { return getText(); }

  void setText(const std::string&) override {}
  void setType(size_t) override {}
  void setLine(size_t) override {}
  void setCharPositionInLine(size_t) override {}
  void setChannel(size_t) override {}
  void setTokenIndex(size_t index) override { index_ = static_cast<uint32_t>(index); }

 private:
  const ArenaTokenSource* source_;
  uint32_t begin_;
  uint32_t end_;
  uint32_t index_ = 0;
  uint16_t type_;
};

class ArenaTokenSource final : public antlr4::TokenSource {
 public:
  ArenaTokenSource(const SourceFile& file, const std::vector<RawToken>& tokens);
  ~ArenaTokenSource() override;

  std::unique_ptr<antlr4::Token> nextToken() override;
  size_t getLine() const override { return 1; }
  size_t getCharPositionInLine() override { return 0; }
  antlr4::CharStream* getInputStream() override { return nullptr; }
  std::string getSourceName() override { return file_.path(); }
  antlr4::TokenFactory<antlr4::CommonToken>* getTokenFactory() override;

  const SourceFile& file() const { return file_; }

 private:
  const SourceFile& file_;
  const std::vector<RawToken>& tokens_;
  size_t next_ = 0;
  std::unique_ptr<std::aligned_storage_t<sizeof(LiteToken), alignof(LiteToken)>[]> arena_;
};

}  // namespace lkml::grammar
