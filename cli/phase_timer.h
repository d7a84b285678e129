// Wall time per phase of a command, for `--timings` (like clang's -ftime-report): each mark()
// closes the phase that began at the previous mark (or at construction). Phases with the same
// name (one per project of a monorepo) add up. Also notes the CPU time of the process in each
// phase (user + system of all its threads, getrusage) and the resident memory at the end of
// each phase (Linux /proc/self/statm; 0 elsewhere). CPU / wall is how many cores a phase kept
// busy: the serial fraction of `-j N` runs is read from it (docs/performance.md).
#pragma once

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <ostream>
#include <string>
#include <vector>

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
    double rss = residentMegabytes();
    for (Phase& p : phases_) {
      if (p.name == phase) {
        p.seconds += seconds;
        p.cpu_seconds += cpu;
        p.rss_mb = rss;
        return;
      }
    }
    phases_.push_back({phase, seconds, cpu, rss});
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
  }

 private:
  struct Phase {
    std::string name;
    double seconds;
    double cpu_seconds;
    double rss_mb;  // at the end of the phase
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
  std::vector<Phase> phases_;
};

}  // namespace lkml::cli
