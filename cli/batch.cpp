#include "batch.hpp"

#include <condition_variable>
#include <cstdio>   // fprintf, fwrite
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include <unistd.h>  // isatty

#include "output_file.hpp"
#include "repair_one.hpp"

namespace {

const char *format_extension(crf_format f) {
  switch (f) {
    case CRF_FORMAT_MD: return ".md";
    case CRF_FORMAT_JSON: return ".json";
    default: return ".txt";
  }
}

// mkdir -p. False after reporting why.
bool make_directories(const std::string &dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (!ec) return true;
  std::fprintf(stderr, "colreflow: %s: cannot make the directory: %s\n", dir.c_str(),
               ec.message().c_str());
  return false;
}

bool exists(const std::string &path) {
  std::error_code ec;
  return std::filesystem::exists(path, ec);
}

// A progress bar on the terminal's last line, redrawn as results go out.
class progress_bar {
 public:
  progress_bar(std::size_t total, bool shown) : total_(total), shown_(shown) {}
  void clear() const {
    if (shown_) std::fputs("\r\033[K", stderr);
  }
  void show(const batch_counts &c) const {
    if (!shown_) return;
    constexpr std::size_t kWidth = 30;
    const std::size_t done = c.repaired + c.skipped + c.failed;
    const std::size_t filled = total_ == 0 ? kWidth : done * kWidth / total_;
    std::string bar(filled, '#');
    bar.append(kWidth - filled, '.');
    std::fprintf(stderr, "\r\033[K[%s] %zu/%zu", bar.c_str(), done, total_);
    if (c.failed > 0) std::fprintf(stderr, ", %zu failed", c.failed);
  }
  void finish() const {
    if (shown_) std::fputc('\n', stderr);
  }

 private:
  std::size_t total_;
  bool shown_;
};

// Calls produce(i) for i in [0, n) on `jobs` threads and consume(i, result)
// on this thread in order of i, as results become ready. Producers stay at
// most 2 x jobs inputs ahead of the consumer, so memory stays bounded
// however many inputs there are. consume returning false stops the run.
template <class Result, class Produce, class Consume>
void run_in_order(std::size_t n, unsigned jobs, Produce produce, Consume consume) {
  if (jobs <= 1 || n <= 1) {
    for (std::size_t i = 0; i < n; ++i)
      if (!consume(i, produce(i))) return;
    return;
  }
  std::vector<std::optional<Result>> results(n);
  std::mutex m;
  std::condition_variable ready, room;
  std::size_t next = 0, consumed = 0;
  bool stop = false;
  const std::size_t ahead = 2 * static_cast<std::size_t>(jobs);
  auto work = [&] {
    for (;;) {
      std::size_t i;
      {
        std::unique_lock<std::mutex> lock(m);
        room.wait(lock, [&] { return stop || next >= n || next < consumed + ahead; });
        if (stop || next >= n) return;
        i = next++;
      }
      Result r = produce(i);
      std::lock_guard<std::mutex> lock(m);
      results[i] = std::move(r);
      ready.notify_all();
    }
  };
  std::vector<std::thread> workers;
  for (unsigned k = 0; k < jobs && k < n; ++k) workers.emplace_back(work);
  for (std::size_t i = 0; i < n; ++i) {
    Result r;
    {
      std::unique_lock<std::mutex> lock(m);
      ready.wait(lock, [&] { return results[i].has_value(); });
      r = std::move(*results[i]);
      results[i].reset();
    }
    const bool go_on = consume(i, std::move(r));
    {
      std::lock_guard<std::mutex> lock(m);
      consumed = i + 1;
      stop = !go_on;
    }
    room.notify_all();
    if (!go_on) break;
  }
  {
    std::lock_guard<std::mutex> lock(m);
    stop = true;
  }
  room.notify_all();
  for (std::thread &t : workers) t.join();
}

// One input's outcome under --output-dir: skipped, or repaired.
struct dir_job {
  bool skipped = false;
  file_result result;
};

// Writes `bytes` to `path` whole or not at all; false after reporting why.
bool write_file(const std::string &path, const std::string &bytes) {
  output_file f;
  std::string error;
  if (!f.open(path, error)) {
    std::fprintf(stderr, "colreflow: %s\n", error.c_str());
    return false;
  }
  f.write(bytes.data(), bytes.size());
  return f.commit();
}

void print_report(const file_result &r) {
  if (!r.report.empty()) std::fwrite(r.report.data(), 1, r.report.size(), stderr);
}

}  // namespace

std::string output_path(const cli_options &o, const std::string &input) {
  const std::filesystem::path in(input);
  // "scans/page.hocr" gives "DIR/page.txt"; -f source keeps "page.hocr".
  std::filesystem::path name = in.filename();
  if (o.format != CRF_FORMAT_SOURCE) name = in.stem().string() + format_extension(o.format);
  return (std::filesystem::path(o.output_dir) / name).string();
}

batch_counts run_batch(const cli_options &o) {
  const std::size_t n = o.files.size();
  batch_counts counts;
  const progress_bar bar(n, n > 1 && isatty(STDERR_FILENO) && !o.report);
  auto failed = [&](const file_result &r) {
    bar.clear();
    std::fprintf(stderr, "%s\n", r.error.c_str());
    ++counts.failed;
  };

  if (o.output_dir.empty()) {
    output_file out;
    if (!o.output.empty()) {
      std::string error;
      if (!out.open(o.output, error)) {
        std::fprintf(stderr, "colreflow: %s\n", error.c_str());
        counts.output_failed = true;
        return counts;
      }
    }
    run_in_order<file_result>(
        n, o.jobs, [&](std::size_t i) { return repair_one(o.files[i], o); },
        [&](std::size_t, file_result r) {
          if (!r.ok) {
            failed(r);
          } else {
            out.write(r.text.data(), r.text.size());
            print_report(r);
            ++counts.repaired;
          }
          bar.show(counts);
          return !out.failed();  // a full disk will not take the next file either
        });
    if (!out.commit()) counts.output_failed = true;
  } else {
    if (!make_directories(o.output_dir)) {
      counts.output_failed = true;
      return counts;
    }
    run_in_order<dir_job>(
        n, o.jobs,
        [&](std::size_t i) {
          dir_job job;
          // A rerun skips what an earlier run finished: outputs appear only
          // once whole (output_file), so one that exists is complete.
          if (!o.overwrite && exists(output_path(o, o.files[i])))
            job.skipped = true;
          else
            job.result = repair_one(o.files[i], o);
          return job;
        },
        [&](std::size_t i, dir_job job) {
          if (job.skipped) {
            ++counts.skipped;
          } else if (!job.result.ok) {
            failed(job.result);
          } else {
            bool written = true;
            const std::string path = output_path(o, o.files[i]);
            for (const auto &[suffix, bytes] : job.result.side_outputs)
              written = write_file(std::filesystem::path(path).replace_extension().string() + suffix,
                                   bytes) && written;
            // The main output last: its presence marks the input done.
            written = written && write_file(path, job.result.text);
            print_report(job.result);
            if (written) ++counts.repaired; else ++counts.failed;
          }
          bar.show(counts);
          return true;
        });
  }
  bar.finish();
  if (n > 1) {
    std::fprintf(stderr, "colreflow: %zu inputs: %zu repaired", n, counts.repaired);
    if (counts.skipped > 0) std::fprintf(stderr, ", %zu skipped (output there already)", counts.skipped);
    if (counts.failed > 0) std::fprintf(stderr, ", %zu failed", counts.failed);
    const std::size_t not_run = n - counts.repaired - counts.skipped - counts.failed;
    if (not_run > 0) std::fprintf(stderr, ", %zu not run", not_run);
    std::fputc('\n', stderr);
  }
  return counts;
}
