// A string held once per process and shared by every object that holds the same text: 8 bytes
// instead of a std::string's 32. For values few and repeated across a project's objects, as a
// field's `type` (a few dozen LookML types) and the name of the view that owns it (the same for
// every field of a view): a 5,000-view project has 300,000 fields. Reads like a std::string
// (base/string_facade.h). The texts are never freed: a process holds as many as its projects
// have distinct types and view names.
#pragma once

#include <string>
#include <string_view>

#include "base/string_facade.h"

namespace lkml {

class InternedString : public StringFacade<InternedString> {
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

 private:
  /// The one string with this text (thread-safe).
  static const std::string* intern(std::string_view s);
  static const std::string& emptyString();
  const std::string* s_;
};

}  // namespace lkml
