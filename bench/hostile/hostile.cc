// communique-hostile: times one input that breaks naive text code.
//
//   communique-hostile CASE [--max-bytes N] [--runs R] [--stages LIST]
//   communique-hostile news FILE [--runs R] [--stages LIST]
//
// --stages: comma-separated subset of times,figures,entities,quotes (or
// "none": tokens and sentences only); default all, to find which stage a
// slow or large case spends in.
//
// CASE is one of the names printed by --list; its bytes are generated in
// memory. `news FILE` analyses the documents of FILE (separated by lines that
// hold only a form feed) one after the other with one Session. Prints one
// tab-separated line: case, MB, seconds (median of the runs), MB/s, peak RSS
// (MB, whole process, including the input), and the outcome (status, counts
// of tokens/sentences/records, diagnostics by code). Run each case in its own
// process so the peak RSS belongs to it (bench/hostile/run does).
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "communique/communique.h"

namespace {

constexpr size_t kMB = 1000 * 1000;

std::string Repeat(std::string_view piece, size_t bytes) {
  std::string out;
  out.reserve(bytes + piece.size());
  while (out.size() < bytes) out.append(piece);
  return out;
}

// Words of a small vocabulary separated by single spaces, no punctuation.
std::string Words(size_t bytes) {
  static const char* const kWords[] = {"the", "ministry", "said", "talks", "would",
                                       "continue", "between", "two", "sides", "on",
                                       "security", "issues", "ambassador", "may", "march"};
  std::string out;
  out.reserve(bytes + 16);
  uint64_t x = 88172645463325252ull;
  while (out.size() < bytes) {
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;
    out.append(kWords[x % std::size(kWords)]);
    out.push_back(' ');
  }
  return out;
}

struct Case {
  const char* name;
  const char* what;
  std::string (*make)();
};

const Case kCases[] = {
    {"one-line-100mb", "100 MB, one line of words, no punctuation", [] { return Words(100 * kMB); }},
    {"quotes-1mb", "1 MB of \"", [] { return Repeat("\"", kMB); }},
    {"guillemets-1mb", "1 MB of unclosed \xC2\xAB", [] { return Repeat("\xC2\xAB", kMB); }},
    {"guillemet-words-1mb", "1 MB of \xC2\xAB" "word (unclosed)", [] { return Repeat("\xC2\xAB" "word ", kMB); }},
    {"parens-100k", "100,000 nested ( ... )", [] {
       return std::string(100000, '(') + "text" + std::string(100000, ')');
     }},
    {"digits-1mb", "1 MB run of digits", [] { return Repeat("1234567890", kMB); }},
    {"may-10mb", "10 MB of May May May", [] { return Repeat("May ", 10 * kMB); }},
    {"token-1mb", "one 1 MB token", [] { return Repeat("a", kMB); }},
    {"combining-1mb", "e + 1 MB of combining acute accents", [] {
       std::string text = "e";  // (not "e" + ...: g++ 12 warns -Wrestrict on that)
       text += Repeat("\xCC\x81", kMB);
       return text;
     }},
    {"zwj-1mb", "1 MB of emoji + ZWJ + combining marks", [] {
       return Repeat("\xF0\x9F\x91\xA9\xE2\x80\x8D\xE2\x80\x8D\xCC\x81\xCC\x88", kMB);
     }},
    {"crlf-cr-10mb", "10 MB of lines ending in mixed CRLF / CR / LF", [] {
       return Repeat("The talks went on.\r\nQ: Why?\rMR PRICE: Because.\n\r\r\n", 10 * kMB);
     }},
    {"letters-10m", "10 million one-letter words", [] {
       std::string out;
       out.reserve(20 * kMB);
       for (size_t i = 0; i < 10 * kMB; ++i) {
         out.push_back(static_cast<char>('a' + i % 26));
         out.push_back(' ');
       }
       return out;
     }},
};

double PeakRssMB() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB
}

std::vector<std::string> ReadDocs(const char* path) {
  std::ifstream in(path, std::ios::binary);
  std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<std::string> docs;
  size_t pos = 0;
  while (pos < all.size()) {
    size_t sep = all.find("\n\f\n", pos);
    if (sep == std::string::npos) sep = all.size();
    docs.push_back(all.substr(pos, sep - pos));
    pos = sep + 3;
  }
  return docs;
}

int Usage() {
  std::fprintf(stderr, "usage: communique-hostile CASE|--list [--max-bytes N] [--runs R] [--stages LIST]\n"
                       "       communique-hostile news FILE [--runs R] [--stages LIST]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return Usage();
  std::string name = argv[1];
  if (name == "--list") {
    for (const Case& c : kCases) std::printf("%s\t%s\n", c.name, c.what);
    return 0;
  }
  communique::Options options;
  int runs = 3;
  const char* file = nullptr;
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--max-bytes" && i + 1 < argc) options.max_document_bytes = std::strtoull(argv[++i], nullptr, 10);
    else if (a == "--runs" && i + 1 < argc) runs = std::max(1, std::atoi(argv[++i]));
    else if (a == "--stages" && i + 1 < argc) {
      std::string list = std::string(",") + argv[++i] + ",";
      auto has = [&](const char* stage) { return list.find(std::string(",") + stage + ",") != std::string::npos; };
      options.times = has("times");
      options.figures = has("figures");
      options.entities = has("entities");
      options.quotes = has("quotes");
    }
    else if (a[0] != '-' && name == "news" && file == nullptr) file = argv[i];
    else return Usage();
  }
  std::vector<std::string> docs;
  if (name == "news") {
    if (file == nullptr) return Usage();
    docs = ReadDocs(file);
  } else {
    auto it = std::find_if(std::begin(kCases), std::end(kCases),
                           [&](const Case& c) { return name == c.name; });
    if (it == std::end(kCases)) return Usage();
    docs.push_back(it->make());
  }
  size_t bytes = 0;
  for (const auto& d : docs) bytes += d.size();

  auto analyzer = communique::Analyzer::Create(options);
  if (!analyzer.ok()) {
    std::fprintf(stderr, "%s\n", analyzer.status().message().c_str());
    return 1;
  }
  communique::Session session = analyzer.value()->NewSession();
  communique::Analysis analysis;
  std::vector<double> seconds;
  std::string outcome;
  for (int r = 0; r < runs; ++r) {
    size_t tokens = 0, sentences = 0, records = 0, failed = 0;
    std::map<std::string, size_t> diagnostics;
    std::string first_error;
    auto start = std::chrono::steady_clock::now();
    for (const auto& d : docs) {
      communique::Status s = session.Analyze(d, {}, &analysis);
      if (!s.ok()) {
        ++failed;
        if (first_error.empty())
          first_error = std::string(communique::ErrorCodeName(s.code())) + ": " + s.message();
      }
      tokens += analysis.tokens.size();
      sentences += analysis.sentences.size();
      records += analysis.times.size() + analysis.figures.size() + analysis.entities.size() +
                 analysis.quotes.size() + analysis.claims.size();
      for (const auto& diag : analysis.diagnostics)
        ++diagnostics[std::string(communique::ErrorCodeName(diag.code))];
    }
    seconds.push_back(
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    outcome = failed ? "FAILED " + std::to_string(failed) + " (" + first_error + ")" : "ok";
    outcome += "; tokens " + std::to_string(tokens) + ", sentences " +
               std::to_string(sentences) + ", records " + std::to_string(records);
    for (const auto& [code, n] : diagnostics) outcome += ", " + code + " x" + std::to_string(n);
  }
  std::sort(seconds.begin(), seconds.end());
  double median = seconds[seconds.size() / 2];
  double mb = static_cast<double>(bytes) / kMB;
  std::printf("%s\t%.1f\t%.3f\t%.1f\t%.0f\t%s\n", name.c_str(), mb, median,
              median > 0 ? mb / median : 0.0, PeakRssMB(), outcome.c_str());
  return 0;
}
