// The read side of std::string for the compact string holders of the model (RareString,
// InternedString): each gives `str()`, this gives the conversions, the usual accessors and the
// comparisons, so code that reads a field holding one needs no change.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

namespace lkml {

template <typename Derived>
class StringFacade {
 public:
  operator const std::string&() const { return s(); }  // NOLINT
  operator std::string_view() const { return s(); }    // NOLINT

  bool empty() const { return s().empty(); }
  size_t size() const { return s().size(); }
  const char* c_str() const { return s().c_str(); }
  const char* data() const { return s().data(); }
  std::string::const_iterator begin() const { return s().begin(); }
  std::string::const_iterator end() const { return s().end(); }
  char operator[](size_t i) const { return s()[i]; }
  char back() const { return s().back(); }
  size_t find(std::string_view t, size_t pos = 0) const { return s().find(t, pos); }
  size_t find(char c, size_t pos = 0) const { return s().find(c, pos); }
  size_t rfind(std::string_view t, size_t pos = std::string::npos) const {
    return s().rfind(t, pos);
  }
  size_t rfind(char c, size_t pos = std::string::npos) const { return s().rfind(c, pos); }
  std::string substr(size_t pos, size_t n = std::string::npos) const { return s().substr(pos, n); }
  int compare(std::string_view t) const { return s().compare(t); }

  friend bool operator==(const Derived& a, const Derived& b) { return a.str() == b.str(); }
  friend bool operator==(const Derived& a, std::string_view b) { return a.str() == b; }
  friend bool operator==(std::string_view a, const Derived& b) { return a == b.str(); }
  friend bool operator==(const Derived& a, const std::string& b) { return a.str() == b; }
  friend bool operator==(const std::string& a, const Derived& b) { return a == b.str(); }
  friend bool operator==(const Derived& a, const char* b) { return a.str() == b; }
  friend bool operator==(const char* a, const Derived& b) { return a == b.str(); }
  template <typename T>
  friend bool operator!=(const Derived& a, const T& b) {
    return !(a == b);
  }
  friend bool operator!=(const std::string& a, const Derived& b) { return !(a == b); }
  friend bool operator!=(std::string_view a, const Derived& b) { return !(a == b); }
  friend bool operator!=(const char* a, const Derived& b) { return !(a == b); }
  friend bool operator<(const Derived& a, const Derived& b) { return a.str() < b.str(); }
  friend std::string operator+(const Derived& a, const std::string& b) { return a.str() + b; }
  friend std::string operator+(const std::string& a, const Derived& b) { return a + b.str(); }
  friend std::string operator+(const Derived& a, const char* b) { return a.str() + b; }
  friend std::string operator+(const char* a, const Derived& b) { return a + b.str(); }
  friend std::string operator+(const Derived& a, char b) { return a.str() + b; }
  friend std::string operator+(char a, const Derived& b) { return a + b.str(); }
  friend std::ostream& operator<<(std::ostream& out, const Derived& v) { return out << v.str(); }

 private:
  const std::string& s() const { return static_cast<const Derived&>(*this).str(); }
};

}  // namespace lkml
