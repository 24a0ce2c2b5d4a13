// A main() for the fuzz targets when they are built without libFuzzer (gcc,
// ctest): runs LLVMFuzzerTestOneInput on every file of the given files and
// directories, then on a deterministic batch of generated inputs: random
// bytes, and seeds mutated by byte flips, insertions of hostile pieces
// (quotes, guillemets, brackets, digits, combining marks, ZWJ, CR/LF, bad
// UTF-8, month names), truncation and splicing.
//
//   replay_<target> [--random N] [--seed S] [--max-len L] [--budget SECONDS] PATH...
//
// --budget stops the generated batch early (never the seed files), so a slow
// sanitizer build stays within the test timeout; the inputs run are always a
// prefix of the same deterministic sequence. A failing check aborts, printing
// the input's file or the generated input's number (regenerate it with the
// same flags and --dump DIR, which writes each generated input to DIR).
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

namespace fs = std::filesystem;

const char* const kPieces[] = {
    "\"", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xC2\xAB", "\xC2\xBB", "'", "\xE2\x80\x99", "(",
    ")", "[", "]", "0", "9", "1,000", "2.5", "%", "$", "\xE2\x82\xAC", "May", "Aug. 2",
    "2021-08-02", "02.08.2021", "\xCC\x81", "\xE2\x80\x8D", "\r", "\n", "\r\n", "\n\n",
    "\x00", "\xFF", "\xC3", "\xE2\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80", " ", ".", ",",
    "U.S.", "Mr.", "Q:", "MR PRICE:", "/TASS/", "(Reuters) -", "WASHINGTON, ", "said",
    "million", "per cent", "last week", "on Monday", "\xEF\xBB\xBF", "{\"id\":", "\"text\":",
    "}", "\\u00e9", "\\\"", "\\n", "\\ud800", "\x1f\x8b\x08\x00",
};

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The input being run, saved to ./replay-crash-input if a check aborts or a
// signal arrives (with ASAN_OPTIONS=abort_on_error=1 for sanitizer reports).
const std::string* g_current = nullptr;
const char* g_label = "";

void OnCrash(int sig) {
  const char msg[] = "replay: crashed; input saved to ./replay-crash-input: ";
  (void)!write(2, msg, sizeof msg - 1);
  (void)!write(2, g_label, std::strlen(g_label));
  (void)!write(2, "\n", 1);
  if (g_current != nullptr) {
    int fd = open("replay-crash-input", O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) {
      (void)!write(fd, g_current->data(), g_current->size());
      close(fd);
    }
  }
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

void Run(const std::string& input) {
  g_current = &input;
  LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(input.data()), input.size());
}

std::string Mutate(std::string s, const std::vector<std::string>& seeds, std::mt19937_64& rng,
                   size_t max_len) {
  auto pick = [&](size_t n) { return n == 0 ? size_t{0} : static_cast<size_t>(rng() % n); };
  int edits = 1 + static_cast<int>(rng() % 8);
  for (int e = 0; e < edits; ++e) {
    switch (rng() % 6) {
      case 0:  // flip a byte
        if (!s.empty()) s[pick(s.size())] = static_cast<char>(rng() & 0xFF);
        break;
      case 1:
      case 2: {  // insert a hostile piece, sometimes repeated
        const char* piece = kPieces[pick(std::size(kPieces))];
        size_t len = piece[0] == '\0' ? 1 : std::strlen(piece);
        size_t repeat = rng() % 4 == 0 ? 1 + pick(200) : 1;
        std::string ins;
        for (size_t r = 0; r < repeat; ++r) ins.append(piece, len);
        s.insert(pick(s.size() + 1), ins);
        break;
      }
      case 3:  // truncate
        s.resize(pick(s.size() + 1));
        break;
      case 4:  // erase a range
        if (!s.empty()) {
          size_t at = pick(s.size());
          s.erase(at, pick(s.size() - at + 1));
        }
        break;
      case 5:  // splice a piece of another seed
        if (!seeds.empty()) {
          const std::string& o = seeds[pick(seeds.size())];
          size_t at = pick(o.size() + 1);
          s.insert(pick(s.size() + 1), o.substr(at, pick(o.size() - at + 1)));
        }
        break;
    }
  }
  if (s.size() > max_len) s.resize(max_len);
  return s;
}

int Usage() {
  std::fprintf(stderr,
               "usage: replay [--random N] [--seed S] [--max-len L] [--budget SECONDS] "
               "[--dump DIR] PATH...\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  size_t random = 0, max_len = 4096;
  uint64_t seed = 1;
  double budget = 1e9;
  std::string dump;
  std::vector<fs::path> paths;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
    const char* v = nullptr;
    if (a == "--random" && (v = value())) random = std::strtoull(v, nullptr, 10);
    else if (a == "--seed" && (v = value())) seed = std::strtoull(v, nullptr, 10);
    else if (a == "--max-len" && (v = value())) max_len = std::strtoull(v, nullptr, 10);
    else if (a == "--budget" && (v = value())) budget = std::strtod(v, nullptr);
    else if (a == "--dump" && (v = value())) dump = v;
    else if (!a.empty() && a[0] == '-') return Usage();
    else paths.emplace_back(a);
  }
  // Files in byte order of their paths, so runs are reproducible.
  std::vector<fs::path> files;
  for (const fs::path& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      for (const auto& entry : fs::recursive_directory_iterator(p, ec))
        if (entry.is_regular_file()) files.push_back(entry.path());
    } else if (fs::is_regular_file(p, ec)) {
      files.push_back(p);
    } else {
      std::fprintf(stderr, "replay: no such file or directory: %s\n", p.c_str());
      return 2;
    }
  }
  std::sort(files.begin(), files.end());
  for (int sig : {SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL}) std::signal(sig, OnCrash);
  std::vector<std::string> seeds;
  for (const fs::path& f : files) {
    seeds.push_back(ReadFile(f));
    g_label = f.c_str();
    Run(seeds.back());
  }
  const auto start = std::chrono::steady_clock::now();
  std::mt19937_64 rng(seed);
  size_t done = 0;
  for (; done < random; ++done) {
    double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (elapsed > budget) break;
    std::string input;
    if (seeds.empty() || rng() % 4 == 0) {  // random bytes, biased to ASCII text
      input.resize(static_cast<size_t>(rng() % (max_len + 1)));
      bool text = rng() % 2 == 0;
      for (char& c : input)
        c = static_cast<char>(text ? " aeiouTSnrl.,\"0123\n"[rng() % 19] : rng() & 0xFF);
    } else {
      input = Mutate(seeds[static_cast<size_t>(rng() % seeds.size())], seeds, rng, max_len);
    }
    if (!dump.empty()) {
      std::ofstream(fs::path(dump) / ("gen-" + std::to_string(done)), std::ios::binary) << input;
    }
    g_label = "a generated input (rerun with --dump DIR to keep them)";
    Run(input);
  }
  double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("replay: %zu files, %zu generated inputs (seed %llu) in %.2f s\n", files.size(),
              done, static_cast<unsigned long long>(seed), elapsed);
  return 0;
}
