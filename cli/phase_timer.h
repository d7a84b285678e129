// Wall time per phase of a command, for `--timings` (like clang's -ftime-report): each mark()
// closes the phase that began at the previous mark (or at construction). Phases with the same
// name (one per project of a monorepo) add up. Also notes the CPU time of the process in each
// phase (user + system of all its threads, getrusage) and the resident memory at the end of
// each phase (Linux /proc/self/statm; 0 elsewhere). CPU / wall is how many cores a phase kept
// busy: the serial fraction of `-j N` runs is read from it (docs/performance.md).
#pragma once

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ostream>
#include <string>
#include <vector>

#include "base/parallel_for.h"

namespace lkml::cli {

class PhaseTimer {
 public:
  using Clock = std::chrono::steady_clock;

  void mark(const std::string& phase) {
    Clock::time_point now = Clock::now();
    double seconds = std::chrono::duration<double>(now - last_).count();
    last_ = now;
    double cpu_now = cpuSeconds();
    double cpu = cpu_now - last_cpu_;
    last_cpu_ = cpu_now;
    ParallelWork work = parallelWorkSoFar();
    double parallel = work.cpu_seconds - last_work_.cpu_seconds;
    double on_cores = work.cpu_seconds_on_estimate_cores - last_work_.cpu_seconds_on_estimate_cores;
    last_work_ = work;
    double rss = residentMegabytes();
    for (Phase& p : phases_) {
      if (p.name == phase) {
        p.seconds += seconds;
        p.cpu_seconds += cpu;
        p.parallel_seconds += parallel;
        p.on_cores_seconds += on_cores;
        p.rss_mb = rss;
        return;
      }
    }
    phases_.push_back({phase, seconds, cpu, parallel, on_cores, rss});
  }

  void print(std::ostream& out) const {
    double total = std::chrono::duration<double>(last_ - start_).count();
    char line[160];
    double total_cpu = last_cpu_ - start_cpu_;
    out << "lkml: timings (wall; CPU = user + system of all threads, CPU/wall = cores busy):\n";
    for (const Phase& p : phases_) {
      std::snprintf(line, sizeof line,
                    "  %-30s %8.1f ms %5.1f%% %8.1f ms CPU %5.2f CPU/wall %8.1f MB resident\n",
                    p.name.c_str(), p.seconds * 1000, total > 0 ? 100 * p.seconds / total : 0.0,
                    p.cpu_seconds * 1000, p.seconds > 0 ? p.cpu_seconds / p.seconds : 0.0,
                    p.rss_mb);
      out << line;
    }
    std::snprintf(line, sizeof line, "  %-30s %8.1f ms        %8.1f ms CPU %5.2f CPU/wall\n",
                  "total", total * 1000, total_cpu * 1000, total > 0 ? total_cpu / total : 0.0);
    out << line;
    // Amdahl's law on this run's CPU time: what ran outside parallelFor is serial, what ran
    // inside is divided by the parallelism each call offered. An estimate, meaningful for a
    // -j1 run (docs/performance.md).
    out << "lkml: CPU time in parallel work (parallelFor) and the Amdahl estimate for "
        << kEstimateCores << " cores:\n";
    double serial_total = 0, estimate_total = 0;
    for (const Phase& p : phases_) {
      double serial = std::max(0.0, p.cpu_seconds - p.parallel_seconds);
      serial_total += serial;
      estimate_total += serial + p.on_cores_seconds;
      std::snprintf(line, sizeof line,
                    "  %-30s %8.1f ms serial %8.1f ms parallel %5.1f%% serial  est. %8.1f ms\n",
                    p.name.c_str(), serial * 1000, p.parallel_seconds * 1000,
                    p.cpu_seconds > 0 ? 100 * serial / p.cpu_seconds : 0.0,
                    (serial + p.on_cores_seconds) * 1000);
      out << line;
    }
    std::snprintf(line, sizeof line,
                  "  %-30s %8.1f ms serial %5.1f%% of the CPU time; est. %.1f ms = %.1fx\n",
                  "total", serial_total * 1000,
                  total_cpu > 0 ? 100 * serial_total / total_cpu : 0.0, estimate_total * 1000,
                  estimate_total > 0 ? total_cpu / estimate_total : 0.0);
    out << line;
  }

 private:
  struct Phase {
    std::string name;
    double seconds;
    double cpu_seconds;
    double parallel_seconds;  // CPU time in parallelFor work
    double on_cores_seconds;  // the same divided by the parallelism it offers on 16 cores
    double rss_mb;            // at the end of the phase
  };

  static double residentMegabytes() {
    std::FILE* f = std::fopen("/proc/self/statm", "r");
    if (!f) return 0;
    unsigned long size = 0, resident = 0;
    int read = std::fscanf(f, "%lu %lu", &size, &resident);
    std::fclose(f);
    return read == 2 ? static_cast<double>(resident) * 4096 / (1024 * 1024) : 0;
  }

  static double cpuSeconds() {
    rusage usage{};
    if (getrusage(RUSAGE_SELF, &usage) != 0) return 0;
    auto seconds = [](const timeval& t) { return t.tv_sec + t.tv_usec / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
  }

  Clock::time_point start_ = Clock::now();
  Clock::time_point last_ = start_;
  double start_cpu_ = cpuSeconds();
  double last_cpu_ = start_cpu_;
  ParallelWork last_work_ = parallelWorkSoFar();
  std::vector<Phase> phases_;
};

}  // namespace lkml::cli
