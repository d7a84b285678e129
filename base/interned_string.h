// A string held once per process and shared by every object that holds the same text: 8 bytes
// instead of a std::string's 32. For values few and repeated across a project's objects, as a
// field's `type` (a few dozen LookML types) and the name of the view that owns it (the same for
// every field of a view): a 5,000-view project has 300,000 fields. Reads like RareString
// (`const std::string&` / `std::string_view` conversions, the usual comparisons), so code that
// reads a field needs no change. The texts are never freed: a process holds as many as its
// projects have distinct types and view names.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

namespace lkml {

class InternedString {
 public:
  InternedString() : s_(&emptyString()) {}
  explicit InternedString(std::string_view s) : s_(intern(s)) {}
  explicit InternedString(const std::string& s) : s_(intern(s)) {}
  explicit InternedString(const char* s) : s_(intern(s)) {}

  InternedString& operator=(std::string_view s) {
    s_ = intern(s);
    return *this;
  }
  InternedString& operator=(const std::string& s) { return *this = std::string_view(s); }
  InternedString& operator=(const char* s) { return *this = std::string_view(s); }

  const std::string& str() const { return *s_; }
  operator const std::string&() const { return *s_; }  // NOLINT
  operator std::string_view() const { return *s_; }    // NOLINT

  bool empty() const { return s_->empty(); }
  size_t size() const { return s_->size(); }
  const char* c_str() const { return s_->c_str(); }
  const char* data() const { return s_->data(); }
  std::string::const_iterator begin() const { return s_->begin(); }
  std::string::const_iterator end() const { return s_->end(); }
  char operator[](size_t i) const { return (*s_)[i]; }
  char back() const { return s_->back(); }
  size_t find(std::string_view s, size_t pos = 0) const { return s_->find(s, pos); }
  size_t find(char c, size_t pos = 0) const { return s_->find(c, pos); }
  size_t rfind(std::string_view s, size_t pos = std::string::npos) const {
    return s_->rfind(s, pos);
  }
  size_t rfind(char c, size_t pos = std::string::npos) const { return s_->rfind(c, pos); }
  std::string substr(size_t pos, size_t n = std::string::npos) const { return s_->substr(pos, n); }
  int compare(std::string_view s) const { return s_->compare(s); }

  // Equal texts are one string: comparing two is comparing pointers.
  friend bool operator==(const InternedString& a, const InternedString& b) { return a.s_ == b.s_; }
  friend bool operator==(const InternedString& a, std::string_view b) { return *a.s_ == b; }
  friend bool operator==(std::string_view a, const InternedString& b) { return a == *b.s_; }
  friend bool operator==(const InternedString& a, const std::string& b) { return *a.s_ == b; }
  friend bool operator==(const std::string& a, const InternedString& b) { return a == *b.s_; }
  friend bool operator==(const InternedString& a, const char* b) { return *a.s_ == b; }
  friend bool operator==(const char* a, const InternedString& b) { return a == *b.s_; }
  template <typename T>
  friend bool operator!=(const InternedString& a, const T& b) {
    return !(a == b);
  }
  friend bool operator!=(const std::string& a, const InternedString& b) { return !(a == b); }
  friend bool operator!=(std::string_view a, const InternedString& b) { return !(a == b); }
  friend bool operator!=(const char* a, const InternedString& b) { return !(a == b); }
  friend bool operator<(const InternedString& a, const InternedString& b) { return *a.s_ < *b.s_; }
  friend std::string operator+(const InternedString& a, const std::string& b) { return *a.s_ + b; }
  friend std::string operator+(const std::string& a, const InternedString& b) { return a + *b.s_; }
  friend std::string operator+(const InternedString& a, const char* b) { return *a.s_ + b; }
  friend std::string operator+(const char* a, const InternedString& b) { return a + *b.s_; }
  friend std::string operator+(const InternedString& a, char b) { return *a.s_ + b; }
  friend std::string operator+(char a, const InternedString& b) { return a + *b.s_; }
  friend std::ostream& operator<<(std::ostream& out, const InternedString& s) {
    return out << *s.s_;
  }

 private:
  /// The one string with this text (thread-safe).
  static const std::string* intern(std::string_view s);
  static const std::string& emptyString();
  const std::string* s_;
};

}  // namespace lkml
