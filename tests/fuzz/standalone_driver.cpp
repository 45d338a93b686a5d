// A main() for fuzz targets built without libFuzzer (gcc, plain builds):
//
//   text_fuzzer [options] FILE_OR_DIR...
//
// First runs the target once on every file given (directories are read
// recursively, in sorted order). Then, if -runs or -max_total_time asks for
// it, runs it on deterministic pseudo-random mutations of those inputs:
//   -runs=N            at most N mutated runs (default 0; unlimited when
//                      only -max_total_time is given)
//   -max_total_time=S  stop mutating after S seconds
//   -seed=N            seed of the mutation sequence (default 1): the same
//                      seed and inputs give the same sequence of inputs
//   -max_len=N         cap on the size of a mutated input (default 4096)
//   -timeout=S         an input running longer than S seconds is a hang
//                      (default 25)
// A crash, a sanitizer report or a hang writes the input to
// ./crash-TARGET.bin (TARGET: this program's name; or -artifact=PATH) and exits
// non-zero. The option spelling follows libFuzzer's, so the same command
// line works with a libFuzzer build.
#include <fcntl.h>   // open
#include <signal.h>  // sigaction
#include <unistd.h>  // write, alarm, _exit

#include <algorithm>  // sort, min
#include <chrono>
#include <cstddef>  // size_t
#include <cstdint>  // uint8_t, uint64_t
#include <cstdio>   // fprintf
#include <cstdlib>  // strtoull
#include <cstring>  // strncmp, strlen
#include <filesystem>
#include <fstream>
#include <iterator>  // istreambuf_iterator
#include <memory>    // unique_ptr
#include <string>
#include <string_view>
#include <utility>  // pair
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size);

// Present when built with ASan or UBSan: lets us save the input before the
// sanitizer ends the process.
extern "C" void __sanitizer_set_death_callback(void (*callback)(void)) __attribute__((weak));

namespace {

using bytes = std::vector<std::uint8_t>;

// The input being run, for the crash handlers. Set before every run.
const bytes *g_current = nullptr;
const char *g_artifact = nullptr;
std::string g_default_artifact;  // crash-TARGET.bin

// Async-signal-safe: open, write and close only.
void save_current_input() {
  if (g_current == nullptr) return;
  const int fd = open(g_artifact, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) return;
  std::size_t done = 0;
  while (done < g_current->size()) {
    const ssize_t n = write(fd, g_current->data() + done, g_current->size() - done);
    if (n <= 0) break;
    done += static_cast<std::size_t>(n);
  }
  close(fd);
  const char msg[] = "standalone_driver: input saved to the artifact file\n";
  (void)!write(2, msg, sizeof msg - 1);
}

void on_fatal_signal(int sig) {
  if (sig == SIGALRM) {
    const char msg[] = "standalone_driver: timeout: an input ran longer than -timeout\n";
    (void)!write(2, msg, sizeof msg - 1);
  }
  save_current_input();
  signal(sig, SIG_DFL);
  raise(sig);
}

void install_handlers() {
  struct sigaction sa {};
  sa.sa_handler = on_fatal_signal;
  sigemptyset(&sa.sa_mask);
  for (int sig : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGALRM}) sigaction(sig, &sa, nullptr);
  if (__sanitizer_set_death_callback != nullptr) {
    __sanitizer_set_death_callback(save_current_input);
  }
}

unsigned g_timeout = 25;

void run(const bytes &input) {
  g_current = &input;
  alarm(g_timeout);
  // A copy at an exact-size allocation, so ASan sees reads past the end.
  std::unique_ptr<std::uint8_t[]> copy(new std::uint8_t[input.size()]);
  std::copy(input.begin(), input.end(), copy.get());
  LLVMFuzzerTestOneInput(copy.get(), input.size());
  alarm(0);
  g_current = nullptr;
}

// splitmix64: small, fast, and the same sequence everywhere.
struct rng {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(next() % n); }
};

// Pieces that matter to a reader of OCR text: line ends of every kind,
// CJK and Latin punctuation, dateline and byline words, a BOM, a soft
// hyphen, bytes that are not UTF-8.
const std::string_view kTokens[] = {
    "\n", "\r\n", "\r", "\n\n", " ", "\t", "-", "-\n", "\xC2\xAD", "\xEF\xBB\xBF",
    "\xE3\x80\x82", "\xEF\xBC\x8C", "\xE3\x80\x81", "\xEF\xBC\x88", "\xEF\xBC\x89",  // 。，、（）
    "\xE6\x9C\xAC\xE6\x8A\xA5\xE8\xAE\xAF",                                        // 本报讯
    "\xE6\x96\xB0\xE5\x8D\x8E\xE7\xA4\xBE\xE5\x8C\x97\xE4\xBA\xAC",                // 新华社北京
    "\xE8\xAE\xB0\xE8\x80\x85", "\xE7\x94\xB5",                                    // 记者 电
    "\xE2\x80\x94", "WASHINGTON \xE2\x80\x94 ", "By ", ". ", "?", "\"",            // — ...
    "2024\xE5\xB9\xB4", "1", "\xF0\x9F\x98\x80", "\xC3",  // 2024年, an emoji, a cut sequence
};

// The next position at or after i that does not split a UTF-8 sequence, so
// that most edits keep the text valid and reach past the UTF-8 check.
std::size_t boundary(const bytes &b, std::size_t i) {
  while (i < b.size() && (b[i] & 0xC0) == 0x80) ++i;
  return i;
}

// A range [at, at + n) of b on UTF-8 boundaries, at most max_n bytes long.
std::pair<std::size_t, std::size_t> pick_range(const bytes &b, rng &r, std::size_t max_n) {
  const std::size_t at = boundary(b, r.below(b.size()));
  const std::size_t end = boundary(b, at + 1 + r.below(std::min(b.size() - at, max_n)));
  return {at, std::min(end, b.size())};
}

void mutate(bytes &b, rng &r, const std::vector<bytes> &pool, std::size_t max_len) {
  auto insert_at = [&](auto first, auto last) {
    b.insert(b.begin() + static_cast<std::ptrdiff_t>(boundary(b, r.below(b.size() + 1))), first,
             last);
  };
  const std::size_t steps = 1 + r.below(6);
  for (std::size_t s = 0; s < steps; ++s) {
    switch (r.below(11)) {
      case 0:  // flip a bit: mostly invalid UTF-8 unless it hits ASCII
        if (!b.empty()) b[r.below(b.size())] ^= static_cast<std::uint8_t>(1u << r.below(7));
        break;
      case 1: {  // a random byte, mostly printable ASCII or a line end
        const std::uint64_t x = r.next();
        std::uint8_t c = static_cast<std::uint8_t>(x >> 8);
        if ((x & 3) != 0) c = (x & 4) != 0 ? '\n' : static_cast<std::uint8_t>(0x20 + c % 95);
        insert_at(&c, &c + 1);
        break;
      }
      case 2:
      case 3:
      case 4: {  // a token
        const std::string_view t = kTokens[r.below(std::size(kTokens))];
        insert_at(t.begin(), t.end());
        break;
      }
      case 5: {  // delete a range
        if (b.empty()) break;
        const auto [at, end] = pick_range(b, r, 64);
        b.erase(b.begin() + static_cast<std::ptrdiff_t>(at),
                b.begin() + static_cast<std::ptrdiff_t>(end));
        break;
      }
      case 6:
      case 7: {  // move a range elsewhere, as a misread column would
        if (b.size() < 2) break;
        const auto [at, end] = pick_range(b, r, 256);
        bytes piece(b.begin() + static_cast<std::ptrdiff_t>(at),
                    b.begin() + static_cast<std::ptrdiff_t>(end));
        b.erase(b.begin() + static_cast<std::ptrdiff_t>(at),
                b.begin() + static_cast<std::ptrdiff_t>(end));
        insert_at(piece.begin(), piece.end());
        break;
      }
      case 8: {  // duplicate a range
        if (b.empty()) break;
        const auto [at, end] = pick_range(b, r, 128);
        bytes piece(b.begin() + static_cast<std::ptrdiff_t>(at),
                    b.begin() + static_cast<std::ptrdiff_t>(end));
        insert_at(piece.begin(), piece.end());
        break;
      }
      case 9:
      case 10: {  // splice in part of another input
        const bytes &other = pool[r.below(pool.size())];
        if (other.empty()) break;
        const auto [at, end] = pick_range(other, r, other.size());
        insert_at(other.begin() + static_cast<std::ptrdiff_t>(at),
                  other.begin() + static_cast<std::ptrdiff_t>(end));
        break;
      }
    }
  }
  if (b.size() > max_len) {  // cut on a UTF-8 boundary, too
    std::size_t n = max_len;
    while (n > 0 && (b[n] & 0xC0) == 0x80) --n;
    b.resize(n);
  }
}

bool read_file(const std::filesystem::path &p, bytes &out) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return false;
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return true;
}

bool parse_number(const char *arg, const char *name, unsigned long long &out) {
  const std::size_t n = std::strlen(name);
  if (std::strncmp(arg, name, n) != 0) return false;
  char *end = nullptr;
  out = std::strtoull(arg + n, &end, 10);
  if (end == arg + n || *end != '\0') {
    std::fprintf(stderr, "standalone_driver: bad value in %s\n", arg);
    std::exit(2);
  }
  return true;
}

}  // namespace

int main(int argc, char **argv) {
  unsigned long long runs = 0, max_time = 0, seed = 1, max_len = 4096, timeout = g_timeout;
  std::vector<std::filesystem::path> paths;
  for (int i = 1; i < argc; ++i) {
    const char *a = argv[i];
    if (a[0] != '-') {
      paths.emplace_back(a);
    } else if (std::strncmp(a, "-artifact=", 10) == 0) {
      g_artifact = a + 10;
    } else if (!parse_number(a, "-runs=", runs) && !parse_number(a, "-max_total_time=", max_time) &&
               !parse_number(a, "-seed=", seed) && !parse_number(a, "-max_len=", max_len) &&
               !parse_number(a, "-timeout=", timeout)) {
      std::fprintf(stderr,
                   "usage: %s [-runs=N] [-max_total_time=S] [-seed=N] [-max_len=N] "
                   "[-timeout=S] [-artifact=PATH] FILE_OR_DIR...\n",
                   argv[0]);
      return 2;
    }
  }
  if (g_artifact == nullptr) {
    g_default_artifact =
        "crash-" + std::filesystem::path(argv[0]).filename().string() + ".bin";
    g_artifact = g_default_artifact.c_str();
  }
  g_timeout = static_cast<unsigned>(timeout);
  install_handlers();

  std::vector<std::filesystem::path> files;
  for (const auto &p : paths) {
    std::error_code ec;
    if (std::filesystem::is_directory(p, ec)) {
      for (const auto &e : std::filesystem::recursive_directory_iterator(p)) {
        if (e.is_regular_file()) files.push_back(e.path());
      }
    } else {
      files.push_back(p);
    }
  }
  std::sort(files.begin(), files.end());

  std::vector<bytes> pool;
  for (const auto &f : files) {
    bytes b;
    if (!read_file(f, b)) {
      std::fprintf(stderr, "standalone_driver: cannot read %s\n", f.c_str());
      return 2;
    }
    run(b);
    pool.push_back(std::move(b));
  }
  std::fprintf(stderr, "standalone_driver: %zu input(s) ran\n", files.size());

  if (runs == 0 && max_time == 0) return 0;
  if (pool.empty()) pool.emplace_back();  // mutate from nothing
  using clock = std::chrono::steady_clock;
  const auto start = clock::now();
  const auto deadline = start + std::chrono::seconds(max_time);
  rng r{seed};
  unsigned long long done = 0;
  while (runs == 0 || done < runs) {
    if (max_time != 0 && (done & 15) == 0 && clock::now() >= deadline) break;
    bytes b = pool[r.below(pool.size())];
    mutate(b, r, pool, static_cast<std::size_t>(max_len));
    run(b);
    ++done;
    // Without coverage feedback, let some mutants breed, so that inputs
    // grow past what one round of edits to a seed reaches.
    if ((done & 63) == 0 && pool.size() < 512) pool.push_back(std::move(b));
  }
  const double secs = std::chrono::duration<double>(clock::now() - start).count();
  std::fprintf(stderr, "standalone_driver: %llu mutated run(s) in %.1f s, seed %llu\n", done, secs,
               seed);
  return 0;
}
