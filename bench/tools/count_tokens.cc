// communique-count: documents, text bytes, tokens and sentences of JSONL
// corpora (plain or gzip), tokenizer and sentence splitter only, one thread.
// bench/run-corpora divides its tokens by the extractor's time for tokens/s.
//
//   communique-count corpus.jsonl.gz [more.jsonl ...]
//   -> {"documents":2011,"bytes":9495803,"tokens":1834567,"sentences":81234,"bad_lines":0}
#include <zlib.h>

#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

#include "communique/communique.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: communique-count FILE.jsonl[.gz]...\n");
    return 2;
  }
  communique::Options options;
  options.utf8_policy = communique::Utf8Policy::kReplace;
  options.times = options.figures = options.entities = options.quotes = false;
  auto analyzer = communique::Analyzer::Create(options);
  if (!analyzer.ok()) {
    std::fprintf(stderr, "communique-count: %s\n", analyzer.status().ToString().c_str());
    return 1;
  }
  communique::Session session = analyzer.value()->NewSession();
  communique::Analysis a;
  unsigned long long documents = 0, bytes = 0, tokens = 0, sentences = 0, bad = 0;
  std::string line;
  static char buf[1 << 16];
  for (int i = 1; i < argc; ++i) {
    gzFile f = gzopen(argv[i], "rb");
    if (!f) {
      std::fprintf(stderr, "communique-count: cannot open %s\n", argv[i]);
      return 2;
    }
    while (char* r = gzgets(f, buf, sizeof buf)) {
      line.append(r);
      if (line.back() != '\n') continue;
      auto j = nlohmann::json::parse(line, nullptr, false);
      const bool blank = line.find_first_not_of(" \t\r\n") == std::string::npos;
      line.clear();
      if (blank) continue;
      if (j.is_discarded() || !j.is_object() || !j.contains("text") || !j["text"].is_string()) {
        ++bad;
        continue;
      }
      const std::string& text = j["text"].get_ref<const std::string&>();
      (void)session.Analyze(text, {}, &a);
      ++documents;
      bytes += text.size();
      tokens += a.tokens.size();
      sentences += a.sentences.size();
    }
    gzclose(f);
  }
  std::printf("{\"documents\":%llu,\"bytes\":%llu,\"tokens\":%llu,\"sentences\":%llu,\"bad_lines\":%llu}\n",
              documents, bytes, tokens, sentences, bad);
  return 0;
}
