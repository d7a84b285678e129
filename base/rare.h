// Members most objects leave empty, stored as one pointer (8 bytes) instead of inline (a
// std::string is 32 bytes, a std::vector 24): a 5,000-view project has 180,000 fields and most
// of them have no label, description, filters, drill fields or timeframe. The value lives in
// its own allocation only once it is set. Both read like the standard type they wrap
// (`const std::string&` / `const std::vector<T>&` conversions, the usual comparisons), so code
// that reads a field needs no change.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/string_facade.h"

namespace lkml {

class RareString : public StringFacade<RareString> {
 public:
  RareString() = default;
  RareString(const RareString& o) { *this = o; }
  RareString(RareString&&) noexcept = default;
  // Explicit, so that `cond ? a_string : a_rare_string` is a std::string.
  explicit RareString(std::string s) { *this = std::move(s); }
  explicit RareString(std::string_view s) { *this = s; }
  explicit RareString(const char* s) { *this = std::string_view(s); }

  RareString& operator=(const RareString& o) {
    if (this != &o) *this = o.str();
    return *this;
  }
  RareString& operator=(RareString&&) noexcept = default;
  RareString& operator=(std::string s) {
    if (s.empty()) {
      p_.reset();
    } else if (p_) {
      *p_ = std::move(s);
    } else {
      p_ = std::make_unique<std::string>(std::move(s));
    }
    return *this;
  }
  RareString& operator=(std::string_view s) { return *this = std::string(s); }
  RareString& operator=(const char* s) { return *this = std::string(s); }

  const std::string& str() const { return p_ ? *p_ : empty_string(); }
  void clear() { p_.reset(); }

 private:
  static const std::string& empty_string() {
    static const std::string kEmpty;
    return kEmpty;
  }
  std::unique_ptr<std::string> p_;
};

template <typename T>
class RareVector {
 public:
  using value_type = T;
  using const_iterator = typename std::vector<T>::const_iterator;
  using iterator = typename std::vector<T>::iterator;

  RareVector() = default;
  RareVector(const RareVector& o) { *this = o; }
  RareVector(RareVector&&) noexcept = default;
  RareVector(std::vector<T> v) { *this = std::move(v); }  // NOLINT: implicit, as std::vector
  RareVector(std::initializer_list<T> v) { *this = std::vector<T>(v); }

  RareVector& operator=(const RareVector& o) {
    if (this != &o) *this = o.vec();
    return *this;
  }
  RareVector& operator=(RareVector&&) noexcept = default;
  RareVector& operator=(std::vector<T> v) {
    if (v.empty()) {
      p_.reset();
    } else if (p_) {
      *p_ = std::move(v);
    } else {
      p_ = std::make_unique<std::vector<T>>(std::move(v));
    }
    return *this;
  }

  const std::vector<T>& vec() const { return p_ ? *p_ : empty_vector(); }
  operator const std::vector<T>&() const { return vec(); }  // NOLINT
  /// For filling in place (allocates the vector).
  std::vector<T>& mut() {
    if (!p_) p_ = std::make_unique<std::vector<T>>();
    return *p_;
  }

  bool empty() const { return !p_ || p_->empty(); }
  size_t size() const { return p_ ? p_->size() : 0; }
  const_iterator begin() const { return vec().begin(); }
  const_iterator end() const { return vec().end(); }
  iterator begin() { return p_ ? p_->begin() : iterator(); }
  iterator end() { return p_ ? p_->end() : iterator(); }
  const T& operator[](size_t i) const { return (*p_)[i]; }
  T& operator[](size_t i) { return (*p_)[i]; }
  const T& front() const { return p_->front(); }
  const T& back() const { return p_->back(); }
  T& back() { return p_->back(); }
  void push_back(T v) { mut().push_back(std::move(v)); }
  template <typename... Args>
  T& emplace_back(Args&&... args) {
    return mut().emplace_back(std::forward<Args>(args)...);
  }
  void clear() { p_.reset(); }

  friend bool operator==(const RareVector& a, const RareVector& b) { return a.vec() == b.vec(); }
  friend bool operator==(const RareVector& a, const std::vector<T>& b) { return a.vec() == b; }
  friend bool operator==(const std::vector<T>& a, const RareVector& b) { return a == b.vec(); }

 private:
  static const std::vector<T>& empty_vector() {
    static const std::vector<T> kEmpty;
    return kEmpty;
  }
  std::unique_ptr<std::vector<T>> p_;
};

}  // namespace lkml
