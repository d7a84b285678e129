#include "base/interned_string.h"

#include <array>
#include <functional>
#include <memory>
#include <mutex>
#include <unordered_map>

namespace lkml {

namespace {

// The process's texts, in shards so that threads lowering views rarely wait for each other.
constexpr size_t kShards = 32;
struct Shard {
  std::mutex mutex;
  // Keys view the strings they map to (a unique_ptr's string never moves).
  std::unordered_map<std::string_view, std::unique_ptr<const std::string>> texts;
};

std::array<Shard, kShards>& shards() {
  static auto* all = new std::array<Shard, kShards>();  // never destroyed: texts outlive exit
  return *all;
}

// Each thread remembers the texts it interned last, by hash: a thread lowering views asks for
// the same few types over and over, and needs no lock for them.
constexpr size_t kRecent = 64;
struct Recent {
  size_t hash = 0;
  const std::string* text = nullptr;
};
thread_local std::array<Recent, kRecent> recent;

}  // namespace

const std::string& InternedString::emptyString() {
  static const std::string* empty = intern("");
  return *empty;
}

const std::string* InternedString::intern(std::string_view s) {
  const size_t hash = std::hash<std::string_view>()(s);
  Recent& slot = recent[hash % kRecent];
  if (slot.text && slot.hash == hash && *slot.text == s) return slot.text;
  Shard& shard = shards()[(hash / kRecent) % kShards];
  const std::string* text;
  {
    std::lock_guard<std::mutex> lock(shard.mutex);
    auto it = shard.texts.find(s);
    if (it == shard.texts.end()) {
      auto owned = std::make_unique<const std::string>(s);
      std::string_view key = *owned;
      it = shard.texts.emplace(key, std::move(owned)).first;
    }
    text = it->second.get();
  }
  slot = Recent{hash, text};
  return text;
}

}  // namespace lkml
