// Learned index vs std::lower_bound, absl::btree_map and std::map on uint64 keys.
//
// Environment (all optional):
//   OMENDB_BENCH_SIZES     comma-separated key counts           (default 10000000)
//   OMENDB_BENCH_DATASETS  subset of dense,uniform,lognormal,normal,clustered (default all)
//   OMENDB_BENCH_EPS       learned index epsilons               (default 15,31,63)
//   OMENDB_BENCH_QUERIES   distinct queries per kind, power of 2 (default 1048576)
//   OMENDB_BENCH_MAP_MAX   largest size that also runs std::map (default 10000000)
//   OMENDB_BENCH_REPORT    directory: write summary.md, lookups.dat and plot.gp there
//   OMENDB_BENCH_ROUNDS    interleaved repetitions of each lookup benchmark (default 5)
// Lookups are in random order over pre-generated queries ("hit": existing keys, "miss": absent
// keys drawn from the gaps between keys); time is per lookup (throughput, as in the PGM paper).
// The lookup benchmarks of one dataset run ROUNDS times in random interleaved order and report
// their medians, so a slow phase of a shared machine does not land on one contender only.
// "learned_levels_e<default>" is the same model reached through PLA internal levels (format
// version 1) instead of the radix directory.
#include <benchmark/benchmark.h>

#include <absl/container/btree_map.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "index/learned_index.h"

namespace {

using omendb::index::LearnedIndex;
using omendb::index::LearnedIndexOptions;

std::vector<std::string> Split(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  for (std::string item; std::getline(ss, item, ',');) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

std::string Env(const char* name, const char* def) {
  const char* v = std::getenv(name);
  return v && *v ? v : def;
}

// Counts the bytes a container allocates (for bytes/key of the tree baselines).
inline size_t g_allocated = 0;
template <typename T>
struct CountingAllocator {
  using value_type = T;
  CountingAllocator() = default;
  template <typename U>
  CountingAllocator(const CountingAllocator<U>&) {}  // NOLINT
  T* allocate(size_t n) {
    g_allocated += n * sizeof(T);
    return std::allocator<T>().allocate(n);
  }
  void deallocate(T* p, size_t n) {
    g_allocated -= n * sizeof(T);
    std::allocator<T>().deallocate(p, n);
  }
  template <typename U>
  bool operator==(const CountingAllocator<U>&) const { return true; }
};

using Btree = absl::btree_map<uint64_t, uint32_t, std::less<uint64_t>,
                              CountingAllocator<std::pair<const uint64_t, uint32_t>>>;
using StdMap = std::map<uint64_t, uint32_t, std::less<uint64_t>,
                        CountingAllocator<std::pair<const uint64_t, uint32_t>>>;

std::vector<uint64_t> MakeDataset(const std::string& name, size_t n, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<uint64_t> k;
  k.reserve(n);
  if (name == "dense") {  // auto-increment with ~10% random gaps
    uint64_t x = 1'000'000;
    for (size_t i = 0; i < n; ++i) {
      k.push_back(x);
      x += rng() % 10 == 0 ? 2 + rng() % 100 : 1;
    }
    return k;
  }
  if (name == "uniform") {
    for (size_t i = 0; i < n; ++i) k.push_back(rng());
  } else if (name == "lognormal") {  // sigma 2, scaled to integers
    std::lognormal_distribution<double> d(0.0, 2.0);
    for (size_t i = 0; i < n; ++i) k.push_back(static_cast<uint64_t>(d(rng) * 1e12));
  } else if (name == "normal") {
    std::normal_distribution<double> d(0.0, 1.0);
    for (size_t i = 0; i < n; ++i) {
      k.push_back(static_cast<uint64_t>(9.2e18 + d(rng) * 1e17));
    }
  } else if (name == "clustered") {  // 1,000 clusters of varying size and density
    constexpr int kClusters = 1000;
    std::lognormal_distribution<double> weight(0.0, 1.0);
    std::vector<double> w(kClusters);
    double total = 0;
    for (double& x : w) total += (x = weight(rng));
    for (int c = 0; c < kClusters && k.size() < n; ++c) {
      const size_t len = c + 1 == kClusters ? n - k.size()
                                            : std::min(n - k.size(), size_t(n * w[c] / total));
      uint64_t x = rng() >> 1;
      const uint64_t max_gap = uint64_t{1} << (rng() % 24);  // density varies per cluster
      for (size_t i = 0; i < len; ++i) k.push_back(x += 1 + rng() % max_gap);
    }
  }
  std::sort(k.begin(), k.end());
  return k;
}

struct Dataset {
  std::string name;
  size_t n = 0;
  std::vector<uint64_t> keys;
  std::vector<uint64_t> hit, miss;  // random-order queries
  std::map<uint32_t, LearnedIndex<uint64_t>> learned;
  std::unique_ptr<Btree> btree;
  size_t btree_bytes = 0;
  std::unique_ptr<StdMap> map;
  size_t map_bytes = 0;
};

size_t g_queries = 1 << 20;
std::unique_ptr<Dataset> g_data;

Dataset& Get(const std::string& name, size_t n) {
  if (g_data && g_data->name == name && g_data->n == n) return *g_data;
  g_data.reset();  // free the previous dataset first
  auto d = std::make_unique<Dataset>();
  d->name = name;
  d->n = n;
  d->keys = MakeDataset(name, n, std::hash<std::string>()(name) ^ n);
  std::mt19937_64 rng(42);
  const auto& k = d->keys;
  while (d->hit.size() < g_queries) d->hit.push_back(k[rng() % k.size()]);
  while (d->miss.size() < g_queries) {
    const size_t i = rng() % (k.size() - 1);
    if (k[i + 1] - k[i] < 2) continue;
    d->miss.push_back(k[i] + 1 + rng() % (k[i + 1] - k[i] - 1));
  }
  g_data = std::move(d);
  return *g_data;
}

// Indexes by epsilon; the levels variant (no radix directory) is stored under ~eps.
LearnedIndex<uint64_t>& Learned(Dataset& d, uint32_t eps, bool directory = true) {
  const uint32_t slot = directory ? eps : ~eps;
  auto it = d.learned.find(slot);
  if (it == d.learned.end()) {
    auto built =
        LearnedIndex<uint64_t>::Build(d.keys, {.epsilon = eps, .radix_directory = directory});
    if (!built.ok()) std::abort();
    it = d.learned.emplace(slot, std::move(*built)).first;
  }
  return it->second;
}

template <typename Tree>
std::unique_ptr<Tree> BuildTree(const std::vector<uint64_t>& keys, size_t* bytes) {
  const size_t before = g_allocated;
  auto t = std::make_unique<Tree>();
  for (size_t i = 0; i < keys.size(); ++i) {
    if (i == 0 || keys[i] != keys[i - 1]) t->emplace_hint(t->end(), keys[i], i);
  }
  *bytes = g_allocated - before;
  return t;
}

Btree& GetBtree(Dataset& d) {
  if (!d.btree) d.btree = BuildTree<Btree>(d.keys, &d.btree_bytes);
  return *d.btree;
}
StdMap& GetMap(Dataset& d) {
  if (!d.map) d.map = BuildTree<StdMap>(d.keys, &d.map_bytes);
  return *d.map;
}

// Runs `lookup(q)` over the queries in random order; verifies a sample against std.
template <typename F>
void LookupLoop(benchmark::State& state, const Dataset& d, const std::vector<uint64_t>& q, F lookup) {
  for (size_t i = 0; i < 1000; ++i) {
    const size_t want = std::lower_bound(d.keys.begin(), d.keys.end(), q[i]) - d.keys.begin();
    if (lookup(q[i]) != want) {
      state.SkipWithError("wrong answer");
      return;
    }
  }
  const size_t mask = q.size() - 1;
  size_t i = 0;
  for (auto _ : state) {
    size_t r = lookup(q[i]);
    benchmark::DoNotOptimize(r);
    i = (i + 1) & mask;
  }
}

int g_rounds = 5;

// Builds every structure the lookups use and reads them at random for a few seconds before any
// lookup is timed. Freshly allocated memory on this class of VM is measurably slower for its
// first seconds of use (up to 1.8x in one measurement); timing a cold structure against warm
// ones would skew the ratios.
void Warm(Dataset& d, const std::vector<uint32_t>& eps, bool with_map) {
  const Btree& bt = GetBtree(d);
  const StdMap* mp = with_map ? &GetMap(d) : nullptr;
  for (uint32_t e : eps) Learned(d, e);
  Learned(d, LearnedIndexOptions{}.epsilon, false);
  std::mt19937_64 rng(7);
  size_t sink = 0;
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(3);
  while (std::chrono::steady_clock::now() < until) {
    for (int i = 0; i < 4096; ++i) {
      const uint64_t q = d.hit[rng() % d.hit.size()];
      sink += std::lower_bound(d.keys.begin(), d.keys.end(), q) - d.keys.begin();
      sink += bt.lower_bound(q)->second;
      if (mp != nullptr) sink += mp->lower_bound(q)->second;
      for (const auto& [e, idx] : d.learned) sink += idx.lower_bound(q);
    }
  }
  benchmark::DoNotOptimize(sink);
}

void RegisterAll(size_t n, const std::string& ds, const std::vector<uint32_t>& eps, bool with_map) {
  const std::string suffix = "/" + ds + "/" + std::to_string(n);
  const int build_iters = n > 20'000'000 ? 1 : 3;
  for (uint32_t e : eps) {
    benchmark::RegisterBenchmark(("build/learned_e" + std::to_string(e) + suffix).c_str(),
                                 [=](benchmark::State& st) {
                                   Dataset& d = Get(ds, n);
                                   size_t bytes = 0;
                                   for (auto _ : st) {
                                     d.learned.erase(e);
                                     bytes = Learned(d, e).memory_bytes();
                                   }
                                   st.counters["Mkeys/s"] = benchmark::Counter(
                                       static_cast<double>(n) * st.iterations() / 1e6,
                                       benchmark::Counter::kIsRate);
                                   st.counters["B/key"] = static_cast<double>(bytes) / n;
                                   st.counters["levels"] = Learned(d, e).view().num_levels();
                                   st.counters["segments"] =
                                       static_cast<double>(Learned(d, e).view().num_segments());
                                 })
        ->Iterations(build_iters)
        ->Repetitions(1)
        ->UseRealTime()
        ->Unit(benchmark::kMillisecond);
  }
  // The default epsilon built by two threads (this machine's cores), each over half the keys.
  const uint32_t def = LearnedIndexOptions{}.epsilon;
  benchmark::RegisterBenchmark(("build/learned_2threads_e" + std::to_string(def) + suffix).c_str(),
                               [=](benchmark::State& st) {
                                 Dataset& d = Get(ds, n);
                                 for (auto _ : st) {
                                   auto built = LearnedIndex<uint64_t>::Build(
                                       d.keys, {.epsilon = def, .build_threads = 2});
                                   if (!built.ok()) return st.SkipWithError("build failed");
                                   benchmark::DoNotOptimize(built->memory_bytes());
                                 }
                                 st.counters["Mkeys/s"] = benchmark::Counter(
                                     static_cast<double>(n) * st.iterations() / 1e6,
                                     benchmark::Counter::kIsRate);
                               })
      ->Iterations(build_iters)
      ->Repetitions(1)
      ->UseRealTime()
      ->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark(("build/btree" + suffix).c_str(), [=](benchmark::State& st) {
    Dataset& d = Get(ds, n);
    for (auto _ : st) {
      d.btree.reset();
      GetBtree(d);
    }
    st.counters["Mkeys/s"] = benchmark::Counter(static_cast<double>(n) / 1e6,
                                                benchmark::Counter::kIsRate);
    st.counters["B/key"] = static_cast<double>(d.btree_bytes) / n;
  })->Iterations(1)->Repetitions(1)->UseRealTime()->Unit(benchmark::kMillisecond);
  if (with_map) {
    benchmark::RegisterBenchmark(("build/stdmap" + suffix).c_str(), [=](benchmark::State& st) {
      Dataset& d = Get(ds, n);
      for (auto _ : st) {
        d.map.reset();
        GetMap(d);
      }
      st.counters["Mkeys/s"] = benchmark::Counter(static_cast<double>(n) / 1e6,
                                                  benchmark::Counter::kIsRate);
      st.counters["B/key"] = static_cast<double>(d.map_bytes) / n;
    })->Iterations(1)->Repetitions(1)->UseRealTime()->Unit(benchmark::kMillisecond);
  }
  for (const char* kind : {"hit", "miss"}) {
    const std::string k = kind;
    auto queries = [k](Dataset& d) -> const std::vector<uint64_t>& { return k == "hit" ? d.hit : d.miss; };
    auto reg = [&](const std::string& what, auto fn) {
      benchmark::RegisterBenchmark(("lookup_" + k + "/" + what + suffix).c_str(), fn)
          ->MinTime(0.3)
          ->Repetitions(g_rounds)
          ->ReportAggregatesOnly(true)
          ->UseRealTime();
    };
    reg("learned_levels_e" + std::to_string(def), [=](benchmark::State& st) {
      Dataset& d = Get(ds, n);
      const LearnedIndex<uint64_t>& idx = Learned(d, def, false);
      LookupLoop(st, d, queries(d), [&](uint64_t q) { return idx.lower_bound(q); });
    });
    for (uint32_t e : eps) {
      reg("learned_e" + std::to_string(e), [=](benchmark::State& st) {
        Dataset& d = Get(ds, n);
        const LearnedIndex<uint64_t>& idx = Learned(d, e);
        LookupLoop(st, d, queries(d), [&](uint64_t q) { return idx.lower_bound(q); });
      });
    }
    reg("std_lower_bound", [=](benchmark::State& st) {
      Dataset& d = Get(ds, n);
      const uint64_t* b = d.keys.data();
      const uint64_t* e = b + d.keys.size();
      LookupLoop(st, d, queries(d), [&](uint64_t q) { return size_t(std::lower_bound(b, e, q) - b); });
    });
    reg("btree", [=](benchmark::State& st) {
      Dataset& d = Get(ds, n);
      const Btree& t = GetBtree(d);
      LookupLoop(st, d, queries(d), [&](uint64_t q) {
        auto it = t.lower_bound(q);
        return it == t.end() ? d.keys.size() : size_t{it->second};
      });
    });
    if (with_map) {
      reg("stdmap", [=](benchmark::State& st) {
        Dataset& d = Get(ds, n);
        const StdMap& t = GetMap(d);
        LookupLoop(st, d, queries(d), [&](uint64_t q) {
          auto it = t.lower_bound(q);
          return it == t.end() ? d.keys.size() : size_t{it->second};
        });
      });
    }
  }
}

// Remembers every run so main() can write the summary with ratios from the same run.
struct Result {
  double ns_per_op = 0;
  std::map<std::string, double> counters;
};
std::map<std::string, Result> g_results;

class CapturingReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& r : runs) {
      if (r.error_occurred) continue;
      // Repeated benchmarks: keep the median only.
      if (r.repetitions > 1 && r.aggregate_name != "median") continue;
      Result res;
      res.ns_per_op = r.real_accumulated_time * 1e9 / static_cast<double>(r.iterations);
      for (const auto& [name, c] : r.counters) res.counters[name] = c.value;
      // Drop Google Benchmark's "/iterations:3/real_time"-style suffixes.
      std::string name = r.benchmark_name();
      for (const char* tag : {"/iterations:", "/min_time:", "/repeats:", "/real_time"}) {
        const size_t at = name.find(tag);
        if (at != std::string::npos) name.resize(at);
      }
      g_results[name] = res;
    }
    ConsoleReporter::ReportRuns(runs);
  }
};

double Ns(const std::string& name) {
  auto it = g_results.find(name);
  return it == g_results.end() ? NAN : it->second.ns_per_op;
}
double Counter(const std::string& name, const std::string& c) {
  auto it = g_results.find(name);
  if (it == g_results.end() || !it->second.counters.count(c)) return NAN;
  return it->second.counters.at(c);
}

void WriteReport(const std::string& dir, const std::vector<size_t>& sizes,
                 const std::vector<std::string>& datasets, const std::vector<uint32_t>& eps,
                 uint32_t def_eps) {
  std::ofstream md(dir + "/summary.md");
  std::ofstream dat(dir + "/lookups.dat");
  char buf[512];
  dat << "# size dataset kind learned_default std_lower_bound btree stdmap\n";
  for (size_t n : sizes) {
    const std::string nm = std::to_string(n);
    for (const char* kind : {"hit", "miss"}) {
      md << "\n### " << n << " keys, lookups of " << (std::string(kind) == "hit" ? "existing" : "absent")
         << " keys (ns/lookup)\n\n| dataset |";
      for (uint32_t e : eps) md << " learned e" << e << " |";
      md << " levels e" << def_eps << " | std::lower_bound | absl::btree_map | std::map | lower_bound / learned e"
         << def_eps << " | btree / learned e" << def_eps << " |\n|---|";
      for (size_t i = 0; i < eps.size() + 6; ++i) md << "---:|";
      md << "\n";
      for (const std::string& ds : datasets) {
        const std::string s = "/" + ds + "/" + nm;
        md << "| " << ds << " |";
        for (uint32_t e : eps) {
          std::snprintf(buf, sizeof buf, " %.0f |", Ns("lookup_" + std::string(kind) + "/learned_e" + std::to_string(e) + s));
          md << buf;
        }
        const double ours = Ns("lookup_" + std::string(kind) + "/learned_e" + std::to_string(def_eps) + s);
        const double lb = Ns("lookup_" + std::string(kind) + "/std_lower_bound" + s);
        const double bt = Ns("lookup_" + std::string(kind) + "/btree" + s);
        const double mp = Ns("lookup_" + std::string(kind) + "/stdmap" + s);
        const double lv = Ns("lookup_" + std::string(kind) + "/learned_levels_e" + std::to_string(def_eps) + s);
        std::snprintf(buf, sizeof buf, " %.0f | %.0f | %.0f | %s | %.2fx | %.2fx |\n", lv, lb, bt,
                      std::isnan(mp) ? "-" : std::to_string(static_cast<int>(mp)).c_str(), lb / ours,
                      bt / ours);
        md << buf;
        std::snprintf(buf, sizeof buf, "%s %s %s %.1f %.1f %.1f %.1f\n", nm.c_str(), ds.c_str(), kind,
                      ours, lb, bt, std::isnan(mp) ? 0.0 : mp);
        dat << buf;
      }
    }
    md << "\n### " << n << " keys, build\n\n| dataset |";
    for (uint32_t e : eps) md << " learned e" << e << " Mkeys/s | B/key | segments |";
    md << " learned e" << def_eps << ", 2 threads, Mkeys/s | btree Mkeys/s | btree B/key | std::map Mkeys/s | std::map B/key |\n|---|";
    for (size_t i = 0; i < 3 * eps.size() + 5; ++i) md << "---:|";
    md << "\n";
    for (const std::string& ds : datasets) {
      const std::string s = "/" + ds + "/" + nm;
      md << "| " << ds << " |";
      for (uint32_t e : eps) {
        const std::string b = "build/learned_e" + std::to_string(e) + s;
        std::snprintf(buf, sizeof buf, " %.0f | %.4f | %.0f |", Counter(b, "Mkeys/s"), Counter(b, "B/key"),
                      Counter(b, "segments"));
        md << buf;
      }
      std::snprintf(buf, sizeof buf, " %.0f |",
                    Counter("build/learned_2threads_e" + std::to_string(def_eps) + s, "Mkeys/s"));
      md << buf;
      std::snprintf(buf, sizeof buf, " %.1f | %.1f | %.1f | %.1f |\n", Counter("build/btree" + s, "Mkeys/s"),
                    Counter("build/btree" + s, "B/key"), Counter("build/stdmap" + s, "Mkeys/s"),
                    Counter("build/stdmap" + s, "B/key"));
      md << buf;
    }
  }
  std::ofstream gp(dir + "/plot.gp");
  gp << "# gnuplot " << dir << "/plot.gp  -> learned-index.png (run from " << dir << ")\n"
     << "set terminal pngcairo noenhanced size 1400,800 font ',10'\nset output 'learned-index.png'\n"
     << "set style data histograms\nset style histogram clustered gap 1\nset style fill solid 0.8 border -1\n"
     << "set ylabel 'ns per lookup, log scale (lower is better)'\nset logscale y\nset grid ytics\n"
     << "set key outside right top\n"
     << "set xtics rotate by -30\nset title 'uint64 lookups (random order): learned index (eps "
     << def_eps << ") vs std::lower_bound vs absl::btree_map vs std::map'\n"
     << "plot 'lookups.dat' using 4:xtic(sprintf('%s %s %s', strcol(1) eq '10000000' ? '10M' : "
        "(strcol(1) eq '100000000' ? '100M' : strcol(1)), strcol(2), strcol(3))) title 'learned', "
     << "'' using 5 title 'std::lower_bound', '' using 6 title 'absl::btree_map', "
     << "'' using 7 title 'std::map'\n";
}

}  // namespace

int main(int argc, char** argv) {
  // Interleave repetitions (overridable on the command line).
  std::vector<char*> args(argv, argv + argc);
  std::string interleave = "--benchmark_enable_random_interleaving=true";
  args.insert(args.begin() + 1, interleave.data());
  int n_args = static_cast<int>(args.size());
  benchmark::Initialize(&n_args, args.data());
  std::vector<size_t> sizes;
  for (const auto& s : Split(Env("OMENDB_BENCH_SIZES", "10000000"))) sizes.push_back(std::stoull(s));
  const std::vector<std::string> datasets =
      Split(Env("OMENDB_BENCH_DATASETS", "dense,uniform,lognormal,normal,clustered"));
  std::vector<uint32_t> eps;
  for (const auto& s : Split(Env("OMENDB_BENCH_EPS", "15,31,63"))) eps.push_back(std::stoul(s));
  g_queries = std::stoull(Env("OMENDB_BENCH_QUERIES", "1048576"));
  const size_t map_max = std::stoull(Env("OMENDB_BENCH_MAP_MAX", "10000000"));
  g_rounds = std::stoi(Env("OMENDB_BENCH_ROUNDS", "5"));
  for (size_t n : sizes) {
    for (const std::string& ds : datasets) RegisterAll(n, ds, eps, n <= map_max);
  }
  CapturingReporter reporter;
  // One dataset at a time (each holds GBs): its builds, a warm-up, then its lookups interleaved
  // across repetitions.
  // A --benchmark_filter runs just the matching benchmarks, in one go and without the warm-up
  // (for quick looks; the report then has gaps).
  const std::string filter = benchmark::GetBenchmarkFilter();
  if (!filter.empty() && filter != "." && filter != "all") {
    benchmark::RunSpecifiedBenchmarks(&reporter, filter);
  } else {
    for (size_t n : sizes) {
      for (const std::string& ds : datasets) {
        const std::string only = "/" + ds + "/" + std::to_string(n) + "/";
        benchmark::RunSpecifiedBenchmarks(&reporter, "^build/.*" + only + ".*");
        Warm(Get(ds, n), eps, n <= map_max);
        benchmark::RunSpecifiedBenchmarks(&reporter, "^lookup_.*" + only + ".*");
      }
    }
  }
  const std::string dir = Env("OMENDB_BENCH_REPORT", "");
  const uint32_t def_eps = LearnedIndexOptions{}.epsilon;
  if (!dir.empty()) WriteReport(dir, sizes, datasets, eps, def_eps);
  benchmark::Shutdown();
  return 0;
}
