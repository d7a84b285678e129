// A std::vector in 16 bytes instead of 24 (a pointer and two 32-bit counts), with the part of
// std::vector's interface the syntax tree uses. Each syntax::Node holds one for its children:
// it makes a Node 128 bytes, which the allocator's size classes hold without rounding up
// (136-byte nodes lost about 14% of a child array to rounding).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <new>
#include <stdexcept>
#include <utility>

namespace lkml {

template <typename T>
class CompactVector {
 public:
  using value_type = T;
  using size_type = size_t;
  using difference_type = ptrdiff_t;
  using reference = T&;
  using const_reference = const T&;
  using iterator = T*;
  using const_iterator = const T*;
  using reverse_iterator = std::reverse_iterator<iterator>;
  using const_reverse_iterator = std::reverse_iterator<const_iterator>;

  CompactVector() = default;
  CompactVector(const CompactVector& o) {
    reserve(o.size_);
    try {
      for (const T& x : o) {
        new (data_ + size_) T(x);
        ++size_;
      }
    } catch (...) {  // the destructor does not run for a half-built object
      clear();
      ::operator delete(data_);
      throw;
    }
  }
  CompactVector(CompactVector&& o) noexcept : data_(o.data_), size_(o.size_), cap_(o.cap_) {
    o.data_ = nullptr;
    o.size_ = o.cap_ = 0;
  }
  CompactVector& operator=(const CompactVector& o) {
    if (this != &o) {
      CompactVector copy(o);
      swap(copy);
    }
    return *this;
  }
  CompactVector& operator=(CompactVector&& o) noexcept {
    if (this != &o) {
      CompactVector moved(std::move(o));
      swap(moved);
    }
    return *this;
  }
  ~CompactVector() {
    clear();
    ::operator delete(data_);
  }
  void swap(CompactVector& o) noexcept {
    std::swap(data_, o.data_);
    std::swap(size_, o.size_);
    std::swap(cap_, o.cap_);
  }

  iterator begin() { return data_; }
  iterator end() { return data_ + size_; }
  const_iterator begin() const { return data_; }
  const_iterator end() const { return data_ + size_; }
  const_iterator cbegin() const { return data_; }
  const_iterator cend() const { return data_ + size_; }
  reverse_iterator rbegin() { return reverse_iterator(end()); }
  reverse_iterator rend() { return reverse_iterator(begin()); }
  const_reverse_iterator rbegin() const { return const_reverse_iterator(end()); }
  const_reverse_iterator rend() const { return const_reverse_iterator(begin()); }

  size_t size() const { return size_; }
  size_t capacity() const { return cap_; }
  bool empty() const { return size_ == 0; }
  T* data() { return data_; }
  const T* data() const { return data_; }
  T& operator[](size_t i) { return data_[i]; }
  const T& operator[](size_t i) const { return data_[i]; }
  T& at(size_t i) {
    if (i >= size_) throw std::out_of_range("CompactVector::at");
    return data_[i];
  }
  const T& at(size_t i) const {
    if (i >= size_) throw std::out_of_range("CompactVector::at");
    return data_[i];
  }
  T& front() { return data_[0]; }
  const T& front() const { return data_[0]; }
  T& back() { return data_[size_ - 1]; }
  const T& back() const { return data_[size_ - 1]; }

  void reserve(size_t n) {
    if (n > cap_) relocate(n);
  }
  void push_back(const T& v) { emplace_back(v); }
  void push_back(T&& v) { emplace_back(std::move(v)); }
  template <typename... Args>
  T& emplace_back(Args&&... args) {
    if (size_ == cap_) {
      // Built in the new array before the old one is released: `args` may be an element.
      const size_t n = cap_ ? 2 * size_t(cap_) : 1;
      T* fresh = allocate(n);
      new (fresh + size_) T(std::forward<Args>(args)...);
      moveInto(fresh);
      data_ = fresh;
      cap_ = static_cast<uint32_t>(n);
    } else {
      new (data_ + size_) T(std::forward<Args>(args)...);
    }
    return data_[size_++];
  }
  iterator erase(const_iterator first, const_iterator last) {
    T* f = data_ + (first - data_);
    T* l = data_ + (last - data_);
    if (f == l) return f;
    T* new_end = std::move(l, end(), f);
    for (T* p = new_end; p != end(); ++p) p->~T();
    size_ -= static_cast<uint32_t>(l - f);
    return f;
  }
  iterator erase(const_iterator pos) { return erase(pos, pos + 1); }
  void assign(size_t n, const T& v) {
    T copy(v);  // `v` may be an element
    clear();
    reserve(n);
    for (size_t i = 0; i < n; ++i) {
      new (data_ + size_) T(copy);
      ++size_;
    }
  }
  void clear() {
    for (T* p = data_; p != data_ + size_; ++p) p->~T();
    size_ = 0;
  }

 private:
  static T* allocate(size_t n) { return static_cast<T*>(::operator new(n * sizeof(T))); }
  // Moves the elements into `fresh` (capacity already chosen) and frees the old array.
  void moveInto(T* fresh) {
    for (uint32_t i = 0; i < size_; ++i) {
      new (fresh + i) T(std::move(data_[i]));
      data_[i].~T();
    }
    ::operator delete(data_);
  }
  void relocate(size_t n) {
    T* fresh = allocate(n);
    moveInto(fresh);
    data_ = fresh;
    cap_ = static_cast<uint32_t>(n);
  }

  T* data_ = nullptr;
  uint32_t size_ = 0;
  uint32_t cap_ = 0;
};

}  // namespace lkml
