// run_hostile: runs one case of the hostile-input set (tests/hostile/README.md)
// through the CLI and checks what it must do: a clear error or a correct
// result, never a crash or a hang, and a peak memory under the bound.
//
//   run_hostile COLREFLOW HOSTILE_DIR CASE
//
// The case comes from HOSTILE_DIR/cases.tsv, one per line, tab-separated:
//   NAME  INPUT  EXIT  EXPECT  [ARGS]
// INPUT is a file under HOSTILE_DIR/files, or gen:KIND for a large input
// made here at test time (see generate()). EXIT is 0 or 1. For EXIT 1,
// standard error must name the input file and contain EXPECT, and nothing
// may reach standard output. For EXIT 0, EXPECT is "empty" (no output),
// "-" (some output) or "stdout:TEXT" (the output contains TEXT). ARGS are
// extra options, separated by spaces.
//
// Peak memory is the child's ru_maxrss (wait4). It must stay under
// 10 x the input size + kFixedBound; under the sanitizers (CRF_SANITIZED
// set) it is reported but not checked, as shadow memory is not the tool's.
// A case running longer than kTimeoutSeconds is killed and fails as a hang.
#include <fcntl.h>         // open
#include <sys/resource.h>  // rusage
#include <sys/stat.h>      // stat
#include <sys/wait.h>      // wait4
#include <unistd.h>        // fork, execv, alarm

#include <cerrno>
#include <csignal>  // SIGALRM
#include <cstdint>  // uint64_t
#include <cstdio>
#include <cstdlib>  // getenv, mkdtemp
#include <cstring>  // strerror, strsignal
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

namespace {

// What the CLI may use whatever the input: the process with its libraries
// (ICU data, Tesseract, Leptonica), the word list loaded for hyphenated
// text, and the stages' fixed costs.
constexpr std::uint64_t kFixedBound = 96ull << 20;  // 96 MiB
constexpr unsigned kTimeoutSeconds = 120;

struct test_case {
  std::string name, input, expect;
  int exit = 0;
  std::vector<std::string> args;
};

std::vector<std::string> split(const std::string &s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  std::istringstream in(s);
  while (std::getline(in, cur, sep)) out.push_back(cur);
  return out;
}

bool find_case(const std::string &dir, const std::string &name, test_case &c) {
  std::ifstream in(dir + "/cases.tsv");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string> f = split(line, '\t');
    if (f.size() < 4 || f[0] != name) continue;
    c.name = f[0];
    c.input = f[1];
    c.exit = std::atoi(f[2].c_str());
    c.expect = f[3];
    if (f.size() > 4)
      for (const std::string &a : split(f[4], ' '))
        if (!a.empty()) c.args.push_back(a);
    return true;
  }
  return false;
}

// A fixed pseudo-random sequence (the generated inputs are the same on
// every run).
struct lcg {
  std::uint64_t s = 0x2545F4914F6CDD1Dull;
  unsigned below(unsigned n) {
    s = s * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<unsigned>((s >> 33) % n);
  }
};

const char *const kWords[] = {"the",   "council", "met",   "on",     "Monday", "river",
                              "bridge", "repairs", "will",  "begin",  "in",     "spring",
                              "said",  "officials", "who", "asked",  "residents", "to",
                              "use",   "other",   "routes", "during", "works",  "city"};
constexpr unsigned kWordCount = sizeof kWords / sizeof kWords[0];

// 50,000 words in lines of 6 to 10, with a blank line now and then.
std::vector<std::vector<std::string>> word_lines(unsigned total) {
  lcg r;
  std::vector<std::vector<std::string>> lines;
  unsigned n = 0;
  while (n < total) {
    std::vector<std::string> l;
    const unsigned k = 6 + r.below(5);
    for (unsigned i = 0; i < k && n < total; ++i, ++n) l.push_back(kWords[r.below(kWordCount)]);
    lines.push_back(std::move(l));
    if (r.below(12) == 0) lines.emplace_back();
  }
  return lines;
}

std::string generate(const std::string &kind) {
  std::ostringstream out;
  if (kind == "words-50k.txt") {
    for (const auto &l : word_lines(50000)) {
      for (std::size_t i = 0; i < l.size(); ++i) out << (i ? " " : "") << l[i];
      out << '\n';
    }
  } else if (kind == "cjk-50k.txt") {
    // 50,000 CJK characters in lines of 20, a paragraph every 8 lines.
    const char *const chars[] = {"本", "报", "讯", "市", "交", "通", "安", "全", "工", "作",
                                 "会", "议", "召", "开", "道", "路", "。", "，"};
    lcg r;
    for (unsigned i = 0; i < 2500; ++i) {
      for (unsigned k = 0; k < 20; ++k) out << chars[r.below(18)];
      out << (i % 8 == 7 ? "\n\n" : "\n");
    }
  } else if (kind == "words-50k.hocr" || kind == "words-50k.alto.xml" ||
             kind == "words-50k.tsv" || kind == "words-500k.tsv") {
    // Five columns of blocks of 12 lines, 40 px a line.
    const auto lines = word_lines(kind == "words-500k.tsv" ? 500000 : 50000);
    const bool hocr = kind == "words-50k.hocr", alto = kind == "words-50k.alto.xml";
    if (hocr)
      out << "<html><body><div class=\"ocr_page\" title=\"bbox 0 0 10000 120000\">\n";
    else if (alto)
      out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<alto "
             "xmlns=\"http://www.loc.gov/standards/alto/ns-v4#\"><Layout><Page WIDTH=\"10000\" "
             "HEIGHT=\"120000\"><PrintSpace>\n";
    else
      out << "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight"
             "\tconf\ttext\n1\t1\t0\t0\t0\t0\t0\t0\t10000\t120000\t-1\t\n";
    std::size_t li = 0, block = 0;
    while (li < lines.size()) {
      ++block;
      const int col = static_cast<int>((block - 1) % 5), row = static_cast<int>((block - 1) / 5);
      const int x = 100 + col * 2000, y0 = 100 + row * 500;
      if (hocr)
        out << "<div class=\"ocr_carea\" title=\"bbox " << x << ' ' << y0 << ' ' << x + 1900 << ' '
            << y0 + 480 << "\">";
      else if (alto)
        out << "<TextBlock ID=\"b" << block << "\" HPOS=\"" << x << "\" VPOS=\"" << y0
            << "\" WIDTH=\"1900\" HEIGHT=\"480\">";
      else
        out << "2\t1\t" << block << "\t0\t0\t0\t" << x << '\t' << y0 << "\t1900\t480\t-1\t\n";
      for (int k = 0; k < 12 && li < lines.size(); ++k, ++li) {
        const int y = y0 + k * 40;
        if (hocr)
          out << "<span class=\"ocr_line\" title=\"bbox " << x << ' ' << y << ' ' << x + 1900
              << ' ' << y + 35 << "; x_size 30\">";
        else if (alto)
          out << "<TextLine HPOS=\"" << x << "\" VPOS=\"" << y
              << "\" WIDTH=\"1900\" HEIGHT=\"35\">";
        else
          out << "4\t1\t" << block << "\t1\t" << k + 1 << "\t0\t" << x << '\t' << y
              << "\t1900\t35\t-1\t\n";
        const auto &l = lines[li];
        for (std::size_t i = 0; i < l.size(); ++i) {
          const int wx = x + static_cast<int>(i) * 180;
          if (hocr)
            out << "<span class=\"ocrx_word\" title=\"bbox " << wx << ' ' << y << ' ' << wx + 170
                << ' ' << y + 35 << "; x_wconf 95\">" << l[i] << "</span> ";
          else if (alto)
            out << "<String HPOS=\"" << wx << "\" VPOS=\"" << y
                << "\" WIDTH=\"170\" HEIGHT=\"35\" CONTENT=\"" << l[i] << "\"/>";
          else
            out << "5\t1\t" << block << "\t1\t" << k + 1 << '\t' << i + 1 << '\t' << wx << '\t'
                << y << "\t170\t35\t95.0\t" << l[i] << '\n';
        }
        if (hocr) out << "</span>\n";
        if (alto) out << "</TextLine>\n";
      }
      if (hocr) out << "</div>\n";
      if (alto) out << "</TextBlock>\n";
    }
    if (hocr) out << "</div></body></html>\n";
    if (alto) out << "</PrintSpace></Page></Layout></alto>\n";
  } else if (kind == "regions-50k.hocr") {
    // 50,000 one-word regions in a grid of 200 columns.
    out << "<html><body><div class=\"ocr_page\" title=\"bbox 0 0 100000 80000\">\n";
    for (int i = 0; i < 50000; ++i) {
      const int x = (i % 200) * 500, y = (i / 200) * 300;
      out << "<div class=\"ocr_carea\" title=\"bbox " << x << ' ' << y << ' ' << x + 400 << ' '
          << y + 250 << "\"><span class=\"ocr_line\" title=\"bbox " << x << ' ' << y << ' '
          << x + 400 << ' ' << y + 250 << "\"><span class=\"ocrx_word\" title=\"bbox " << x << ' '
          << y << ' ' << x + 400 << ' ' << y + 250 << "\">w" << i << "</span></span></div>\n";
    }
    out << "</div></body></html>\n";
  } else if (kind == "column-50k.hocr") {
    // 50,000 two-line regions stacked in one column, every tenth with a
    // one-line region beside its second line (a piece of that line): the
    // column measure and the search for line pieces must not cost the
    // square of the regions.
    out << "<html><body><div class=\"ocr_page\" title=\"bbox 0 0 3000 3000100\">\n";
    auto line = [&](int x0, int y0, int x1, int y1, const std::string &word) {
      out << "<span class=\"ocr_line\" title=\"bbox " << x0 << ' ' << y0 << ' ' << x1 << ' ' << y1
          << "\"><span class=\"ocrx_word\" title=\"bbox " << x0 << ' ' << y0 << ' ' << x0 + 100
          << ' ' << y1 << "\">" << word << "</span></span>";
    };
    for (int i = 0; i < 50000; ++i) {
      const int y = i * 60;
      out << "<div class=\"ocr_carea\" title=\"bbox 100 " << y << " 900 " << y + 45 << "\">";
      line(100, y, 900, y + 20, "w" + std::to_string(i));
      line(100, y + 25, 700, y + 45, "v" + std::to_string(i));
      out << "</div>\n";
      if (i % 10 == 0) {
        out << "<div class=\"ocr_carea\" title=\"bbox 720 " << y + 25 << " 900 " << y + 45 << "\">";
        line(720, y + 25, 900, y + 45, "p" + std::to_string(i));
        out << "</div>\n";
      }
    }
    out << "</div></body></html>\n";
  } else if (kind == "headline-row-20k.hocr") {
    // Along one line of the page, 5,000 one-line display regions, each
    // beside a two-line region that opens on its line (a headline's end)
    // and, along another, 10,000 one-line display regions a word space
    // apart (a headline cut at every space); a column of body text below.
    // The search for headline pieces once cost the cube of the regions.
    out << "<html><body><div class=\"ocr_page\" title=\"bbox 0 0 2400000 2000\">\n";
    auto line = [&](int x0, int y0, int x1, int y1, const std::string &word) {
      out << "<span class=\"ocr_line\" title=\"bbox " << x0 << ' ' << y0 << ' ' << x1 << ' ' << y1
          << "; x_size " << y1 - y0 << "\"><span class=\"ocrx_word\" title=\"bbox " << x0 << ' '
          << y0 << ' ' << x1 << ' ' << y1 << "\">" << word << "</span></span>";
    };
    for (int i = 0; i < 5000; ++i) {
      const int x = 100 + i * 460;
      out << "<div class=\"ocr_carea\">";
      line(x, 20, x + 220, 80, "Head" + std::to_string(i));
      out << "</div>\n<div class=\"ocr_carea\">";
      line(x + 230, 20, x + 430, 80, "End" + std::to_string(i));
      line(x + 230, 100, x + 430, 130, "below");
      out << "</div>\n";
    }
    for (int i = 0; i < 10000; ++i) {
      const int x = 100 + i * 230;
      out << "<div class=\"ocr_carea\">";
      line(x, 200, x + 220, 260, "Word" + std::to_string(i));
      out << "</div>\n";
    }
    out << "<div class=\"ocr_carea\">";
    for (int k = 0; k < 3; ++k) line(100, 400 + 40 * k, 600, 430 + 40 * k, "the council met");
    out << "</div>\n</div></body></html>\n";
  } else if (kind == "rules-20k.hocr") {
    // 5,000 boxes ruled on four sides (20,000 separators), 100 across and
    // 50 down, a one-word region in each: frames are found among all the
    // rules.
    out << "<html><body><div class=\"ocr_page\" title=\"bbox 0 0 50000 25000\">\n";
    auto rule = [&](int x0, int y0, int x1, int y1) {
      out << "<div class=\"ocr_separator\" title=\"bbox " << x0 << ' ' << y0 << ' ' << x1 << ' '
          << y1 << "\"></div>\n";
    };
    for (int i = 0; i < 5000; ++i) {
      const int x = (i % 100) * 500, y = (i / 100) * 500;
      rule(x, y, x + 450, y + 4);
      rule(x, y + 446, x + 450, y + 450);
      rule(x, y, x + 4, y + 450);
      rule(x + 446, y, x + 450, y + 450);
      out << "<div class=\"ocr_carea\" title=\"bbox " << x + 50 << ' ' << y + 50 << ' ' << x + 400
          << ' ' << y + 100 << "\"><span class=\"ocr_line\" title=\"bbox " << x + 50 << ' ' << y + 50
          << ' ' << x + 400 << ' ' << y + 100 << "\"><span class=\"ocrx_word\" title=\"bbox "
          << x + 50 << ' ' << y + 50 << ' ' << x + 400 << ' ' << y + 100 << "\">r" << i
          << "</span></span></div>\n";
    }
    out << "</div></body></html>\n";
  } else if (kind == "headers-50k.page.xml") {
    // 50,000 one-word regions typed header side by side along the top of
    // the page, over three columns of body text: furniture pieces, each
    // placed over the column below it.
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<PcGts "
           "xmlns=\"http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15\"><Page "
           "imageFilename=\"p.png\" imageWidth=\"500000\" imageHeight=\"4000\">\n";
    auto region = [&](const std::string &id, const char *type, int x0, int y0, int x1, int y1,
                      const std::string &text) {
      const std::string pts = std::to_string(x0) + ',' + std::to_string(y0) + ' ' +
                              std::to_string(x1) + ',' + std::to_string(y0) + ' ' +
                              std::to_string(x1) + ',' + std::to_string(y1) + ' ' +
                              std::to_string(x0) + ',' + std::to_string(y1);
      out << "<TextRegion id=\"" << id << "\" type=\"" << type << "\"><Coords points=\"" << pts
          << "\"/><TextLine id=\"" << id << "l\"><Coords points=\"" << pts
          << "\"/><TextEquiv><Unicode>" << text << "</Unicode></TextEquiv></TextLine></TextRegion>\n";
    };
    for (int i = 0; i < 50000; ++i)
      region("h" + std::to_string(i), "header", i * 10, 10, i * 10 + 8, 40, "h" + std::to_string(i));
    for (int c = 0; c < 3; ++c)
      region("b" + std::to_string(c), "paragraph", 100 + c * 160000, 200, 150000 + c * 160000,
             3800, "the council met on Monday");
    out << "</Page></PcGts>\n";
  } else if (kind == "deep-100k.alto.xml") {
    // 100,000 nested elements: a parser that recurses would overflow its stack.
    out << "<?xml version=\"1.0\"?>\n<alto><Layout><Page>";
    for (int i = 0; i < 100000; ++i) out << "<TextBlock>";
    out << "<TextLine><String CONTENT=\"deep\"/></TextLine>";
    for (int i = 0; i < 100000; ++i) out << "</TextBlock>";
    out << "</Page></Layout></alto>\n";
  } else if (kind == "long-line.txt") {
    // One line of 4 MiB: 700,000 words and no line end.
    lcg r;
    std::size_t n = 0;
    while (n < (std::size_t{4} << 20)) {
      const char *w = kWords[r.below(kWordCount)];
      out << w << ' ';
      n += std::strlen(w) + 1;
    }
  } else if (kind == "many-lines.txt" || kind == "many-lines-500k.txt" ||
             kind == "many-lines-2m.txt") {
    // 100,000, 500,000 or 2,000,000 one-word lines (the last 11.2 MB,
    // within the default --max-words): the per-line cost of the model
    // (see README.md).
    lcg r;
    const int n = kind == "many-lines.txt" ? 100000 : kind == "many-lines-500k.txt" ? 500000 : 2000000;
    for (int i = 0; i < n; ++i) out << kWords[r.below(kWordCount)] << '\n';
  } else {
    std::fprintf(stderr, "run_hostile: unknown generator %s\n", kind.c_str());
    std::exit(2);
  }
  return out.str();
}

std::string slurp(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

int main(int argc, char **argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: run_hostile COLREFLOW HOSTILE_DIR CASE\n");
    return 2;
  }
  const std::string cli = argv[1], dir = argv[2];
  test_case c;
  if (!find_case(dir, argv[3], c)) {
    std::fprintf(stderr, "run_hostile: no case %s in %s/cases.tsv\n", argv[3], dir.c_str());
    return 2;
  }

  char tmpl[] = "/tmp/colreflow-hostile.XXXXXX";
  if (mkdtemp(tmpl) == nullptr) {
    std::perror("run_hostile: mkdtemp");
    return 2;
  }
  const std::string tmp = tmpl;
  std::string input;
  if (c.input.rfind("gen:", 0) == 0) {
    input = tmp + "/" + c.input.substr(4);
    std::ofstream(input, std::ios::binary) << generate(c.input.substr(4));
  } else {
    input = dir + "/files/" + c.input;
  }
  struct stat st {};
  if (stat(input.c_str(), &st) != 0) {
    std::fprintf(stderr, "run_hostile: %s: %s\n", input.c_str(), std::strerror(errno));
    return 2;
  }
  const auto input_bytes = static_cast<std::uint64_t>(st.st_size);

  std::vector<std::string> args{cli};
  args.insert(args.end(), c.args.begin(), c.args.end());
  args.push_back(input);
  std::vector<char *> argp;
  for (std::string &a : args) argp.push_back(a.data());
  argp.push_back(nullptr);

  const std::string out_path = tmp + "/stdout", err_path = tmp + "/stderr";
  const pid_t pid = fork();
  if (pid < 0) {
    std::perror("run_hostile: fork");
    return 2;
  }
  if (pid == 0) {
    const int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (out < 0 || err < 0 || dup2(out, 1) < 0 || dup2(err, 2) < 0) _exit(127);
    alarm(kTimeoutSeconds);  // kept across execv: a hang ends in SIGALRM
    execv(argp[0], argp.data());
    _exit(127);
  }
  int status = 0;
  struct rusage ru {};
  if (wait4(pid, &status, 0, &ru) != pid) {
    std::perror("run_hostile: wait4");
    return 2;
  }
  const std::string out = slurp(out_path), err = slurp(err_path);
  std::filesystem::remove_all(tmp);

  const std::uint64_t peak = static_cast<std::uint64_t>(ru.ru_maxrss) * 1024;
  const std::uint64_t bound = 10 * input_bytes + kFixedBound;
  const bool sanitized = std::getenv("CRF_SANITIZED") != nullptr;
  std::printf("hostile %s: input %llu bytes, exit %d, peak RSS %llu KiB, bound %llu KiB%s\n",
              c.name.c_str(), static_cast<unsigned long long>(input_bytes),
              WIFEXITED(status) ? WEXITSTATUS(status) : -1,
              static_cast<unsigned long long>(peak >> 10),
              static_cast<unsigned long long>(bound >> 10),
              sanitized ? " (not checked: sanitizers)" : "");
  std::printf("stderr: %s", err.empty() ? "(empty)\n" : err.c_str());

  std::vector<std::string> problems;
  if (WIFSIGNALED(status)) {
    problems.push_back(std::string("killed by signal ") + strsignal(WTERMSIG(status)) +
                       (WTERMSIG(status) == SIGALRM ? " (a hang)" : ""));
  } else if (WEXITSTATUS(status) != c.exit) {
    problems.push_back("exit " + std::to_string(WEXITSTATUS(status)) + ", expected " +
                       std::to_string(c.exit));
  }
  const std::string base = std::filesystem::path(input).filename().string();
  if (c.exit != 0) {
    if (err.find(base) == std::string::npos)
      problems.push_back("the error does not name the input " + base);
    if (err.find(c.expect) == std::string::npos)
      problems.push_back("the error does not say \"" + c.expect + "\"");
    if (!out.empty()) problems.push_back("output written for a failed input");
  } else if (c.expect == "empty") {
    if (!out.empty()) problems.push_back("output where none was expected");
  } else if (c.expect == "-") {
    if (out.empty()) problems.push_back("no output");
  } else if (c.expect.rfind("stdout:", 0) == 0) {
    if (out.find(c.expect.substr(7)) == std::string::npos)
      problems.push_back("the output lacks \"" + c.expect.substr(7) + "\"");
  }
  if (!sanitized && peak > bound)
    problems.push_back("peak memory " + std::to_string(peak >> 10) + " KiB over the bound " +
                       std::to_string(bound >> 10) + " KiB");
  for (const std::string &p : problems) std::printf("FAIL: %s\n", p.c_str());
  return problems.empty() ? 0 : 1;
}
