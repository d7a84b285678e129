#include "base/parallel_for.h"

#include <time.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <thread>
#include <vector>

namespace lkml {

unsigned threadCount(size_t n, unsigned threads, size_t min_items_per_thread) {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  size_t worth = n / std::max<size_t>(1, min_items_per_thread);
  return static_cast<unsigned>(std::max<size_t>(1, std::min<size_t>(threads, worth)));
}

namespace {

double threadCpuSeconds() {
  timespec t{};
  if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t) != 0) return 0;
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

// Microseconds, so that threads can add with an atomic.
std::atomic<int64_t> parallel_us{0}, parallel_on_cores_us{0};
thread_local int depth = 0;  // nested calls are part of their outer call's work

// Counts the CPU time of one thread's share of an outermost parallelFor of `n` items.
class WorkClock {
 public:
  explicit WorkClock(size_t n)
      : n_(n), outer_(depth++ == 0), start_(outer_ ? threadCpuSeconds() : 0) {}
  ~WorkClock() {
    --depth;
    if (!outer_) return;
    double us = (threadCpuSeconds() - start_) * 1e6;
    size_t ways = std::max<size_t>(1, std::min<size_t>(n_, kEstimateCores));
    parallel_us += static_cast<int64_t>(us);
    parallel_on_cores_us += static_cast<int64_t>(us / static_cast<double>(ways));
  }

 private:
  size_t n_;
  bool outer_;
  double start_;
};

}  // namespace

ParallelWork parallelWorkSoFar() {
  return {static_cast<double>(parallel_us.load()) / 1e6,
          static_cast<double>(parallel_on_cores_us.load()) / 1e6};
}

void parallelFor(size_t n, unsigned threads, const std::function<void(size_t)>& work) {
  if (n <= 1) {
    // One item offers no parallelism: it is serial work, and the calls inside it are the
    // outermost (a project of one model builds it as one item, in parallel inside).
    if (n == 1) work(0);
    return;
  }
  threads = threadCount(n, threads);
  if (threads <= 1) {
    WorkClock clock(n);
    for (size_t i = 0; i < n; ++i) work(i);
    return;
  }
  std::atomic<size_t> next{0};
  auto run = [&] {
    WorkClock clock(n);
    for (size_t i; (i = next.fetch_add(1)) < n;) work(i);
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(run);
  run();
  for (auto& t : pool) t.join();
}

}  // namespace lkml
