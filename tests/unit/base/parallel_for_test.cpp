// base/parallel_for: every item runs once whatever the threads, and the CPU time counted for
// `lkml lint --timings`' 16-core estimate: work inside a call of several items is parallel,
// a call of one item is serial work and the calls inside it are the parallel ones.
#include "base/parallel_for.h"

#include <gtest/gtest.h>

#include <time.h>

#include <atomic>
#include <vector>

namespace lkml {
namespace {

double threadCpuMs() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

// Burns `ms` of this thread's CPU time (not wall time: the machine may be busy).
void spin(double ms) {
  const double until = threadCpuMs() + ms;
  volatile unsigned sink = 0;
  while (threadCpuMs() < until) sink = sink + 1;
}

TEST(ParallelFor, EveryItemOnceForAnyNumberOfThreads) {
  for (unsigned threads : {0u, 1u, 2u, 7u}) {
    std::vector<std::atomic<int>> seen(1000);
    parallelFor(seen.size(), threads, [&](size_t i) { ++seen[i]; });
    for (size_t i = 0; i < seen.size(); ++i) EXPECT_EQ(seen[i].load(), 1) << i;
  }
  int calls = 0;
  parallelFor(0, 4, [&](size_t) { ++calls; });
  EXPECT_EQ(calls, 0);
  parallelFor(1, 4, [&](size_t i) { calls += static_cast<int>(i) + 1; });
  EXPECT_EQ(calls, 1);
}

TEST(ParallelFor, ThreadCountIsBoundedByTheItemsAndTheirSize) {
  EXPECT_EQ(threadCount(10, 4), 4u);
  EXPECT_EQ(threadCount(3, 8), 3u);
  EXPECT_EQ(threadCount(1000, 16, 256), 3u);
  EXPECT_EQ(threadCount(0, 4), 1u);
}

TEST(ParallelFor, OneItemIsSerialWorkAndTheCallsInsideItAreParallel) {
  ParallelWork before = parallelWorkSoFar();
  parallelFor(1, 1, [](size_t) { spin(20); });
  ParallelWork after_one = parallelWorkSoFar();
  EXPECT_EQ(after_one.cpu_seconds, before.cpu_seconds);  // not parallel work
  // One item (one model) whose inside runs 32 items: those count, each divided by the 16
  // ways they offer.
  parallelFor(1, 1, [](size_t) { parallelFor(32, 1, [](size_t) { spin(1); }); });
  ParallelWork after_nested = parallelWorkSoFar();
  double parallel = after_nested.cpu_seconds - after_one.cpu_seconds;
  double on_cores =
      after_nested.cpu_seconds_on_estimate_cores - after_one.cpu_seconds_on_estimate_cores;
  EXPECT_GT(parallel, 0.025);
  EXPECT_NEAR(on_cores, parallel / kEstimateCores, 0.0005);
  // A call inside a call of several items is part of the outer call's work, counted once.
  parallelFor(2, 1, [](size_t) { parallelFor(32, 1, [](size_t) { spin(0.5); }); });
  ParallelWork after_two = parallelWorkSoFar();
  parallel = after_two.cpu_seconds - after_nested.cpu_seconds;
  on_cores = after_two.cpu_seconds_on_estimate_cores - after_nested.cpu_seconds_on_estimate_cores;
  EXPECT_GT(parallel, 0.025);
  EXPECT_NEAR(on_cores, parallel / 2, 0.0005);
}

}  // namespace
}  // namespace lkml
