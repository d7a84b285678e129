#include "catalog/snapshot_split.h"

namespace lkml::catalog {

namespace {

class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}
  size_t pos() const { return pos_; }
  bool atEnd() {
    skipSpace();
    return pos_ == text_.size();
  }
  bool take(char c) {
    skipSpace();
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  bool peek(char c) {
    skipSpace();
    return pos_ < text_.size() && text_[pos_] == c;
  }
  // A key without escapes.
  bool key(std::string_view* out) {
    skipSpace();
    size_t start = pos_;
    if (!skipString()) return false;
    *out = text_.substr(start + 1, pos_ - start - 2);
    return out->find('\\') == std::string_view::npos;
  }
  // Any value: strings and brackets are matched, scalars run to a delimiter.
  bool skipValue() {
    skipSpace();
    if (pos_ >= text_.size()) return false;
    char c = text_[pos_];
    if (c == '"') return skipString();
    if (c == '{' || c == '[') {
      int depth = 0;
      while (pos_ < text_.size()) {
        char d = text_[pos_];
        if (d == '"') {
          if (!skipString()) return false;
          continue;
        }
        ++pos_;
        if (d == '{' || d == '[') ++depth;
        if ((d == '}' || d == ']') && --depth == 0) return true;
      }
      return false;
    }
    size_t start = pos_;
    while (pos_ < text_.size() &&
           std::string_view(",}] \t\r\n").find(text_[pos_]) == std::string_view::npos) {
      ++pos_;
    }
    return pos_ > start;
  }

 private:
  void skipSpace() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\n' ||
                                   text_[pos_] == '\t' || text_[pos_] == '\r')) {
      ++pos_;
    }
  }
  bool skipString() {
    if (pos_ >= text_.size() || text_[pos_] != '"') return false;
    for (++pos_; pos_ < text_.size(); ++pos_) {
      if (text_[pos_] == '\\') {
        ++pos_;
      } else if (text_[pos_] == '"') {
        ++pos_;
        return true;
      }
    }
    return false;
  }

  std::string_view text_;
  size_t pos_ = 0;
};

}  // namespace

std::optional<SplitSnapshot> splitSnapshot(std::string_view text) {
  Scanner scan(text);
  SplitSnapshot split;
  size_t array_begin = 0, array_end = 0;
  bool found = false;
  if (!scan.take('{')) return std::nullopt;
  if (!scan.take('}')) {
    do {
      std::string_view key;
      if (!scan.key(&key) || !scan.take(':')) return std::nullopt;
      if (key != "relations") {
        if (!scan.skipValue()) return std::nullopt;
        continue;
      }
      if (found || !scan.peek('[')) return std::nullopt;
      found = true;
      scan.take('[');
      array_begin = scan.pos();
      if (!scan.take(']')) {
        do {
          if (!scan.peek('{')) return std::nullopt;
          size_t start = scan.pos();
          if (!scan.skipValue()) return std::nullopt;
          split.relations.push_back(text.substr(start, scan.pos() - start));
        } while (scan.take(','));
        if (!scan.take(']')) return std::nullopt;
      }
      array_end = scan.pos() - 1;
    } while (scan.take(','));
    if (!scan.take('}')) return std::nullopt;
  }
  if (!found || !scan.atEnd()) return std::nullopt;
  split.top = std::string(text.substr(0, array_begin)) + std::string(text.substr(array_end));
  return split;
}

}  // namespace lkml::catalog
