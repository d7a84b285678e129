#include "base/parallel_for.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace lkml {

unsigned threadCount(size_t n, unsigned threads, size_t min_items_per_thread) {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  size_t worth = n / std::max<size_t>(1, min_items_per_thread);
  return static_cast<unsigned>(std::max<size_t>(1, std::min<size_t>(threads, worth)));
}

void parallelFor(size_t n, unsigned threads, const std::function<void(size_t)>& work) {
  threads = threadCount(n, threads);
  if (threads <= 1) {
    for (size_t i = 0; i < n; ++i) work(i);
    return;
  }
  std::atomic<size_t> next{0};
  auto run = [&] {
    for (size_t i; (i = next.fetch_add(1)) < n;) work(i);
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(run);
  run();
  for (auto& t : pool) t.join();
}

}  // namespace lkml
