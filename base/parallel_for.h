// The one thread pool pattern lkml uses: items handed out one at a time to a few threads (the
// caller's included). Reading and parsing files, lowering views and reading catalog snapshots
// use it; each decides itself how many threads its work is worth.
#pragma once

#include <cstddef>
#include <functional>

namespace lkml {

/// How many threads `n` items are worth: `threads` (0: one per core), at most one per
/// `min_items_per_thread` items, at least 1.
unsigned threadCount(size_t n, unsigned threads, size_t min_items_per_thread = 1);

/// Calls `work(i)` once for every i in [0, n) on threadCount(n, threads) threads, the calling
/// thread being one of them; items are taken in increasing order (one thread: exactly in
/// order). Returns when all are done. `work` must be safe to call concurrently for different
/// items.
void parallelFor(size_t n, unsigned threads, const std::function<void(size_t)>& work);

/// The CPU time spent so far inside parallelFor work (outermost calls only, all threads), and
/// the same with each call's time divided by the parallelism its items offer on
/// kEstimateCores cores (min(cores, items)): `lkml lint --timings` reads both to estimate, by
/// Amdahl's law, how a `-j1` run would scale (docs/performance.md). Everything else is serial,
/// a call of one item included (the calls inside it then count as outermost).
inline constexpr unsigned kEstimateCores = 16;
struct ParallelWork {
  double cpu_seconds = 0;
  double cpu_seconds_on_estimate_cores = 0;
};
ParallelWork parallelWorkSoFar();

}  // namespace lkml
