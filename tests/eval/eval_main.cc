// communique-eval FILE.jsonl... : precision, recall and F1 per record type,
// with exact-span and overlapping-span matching, and value accuracy.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <unordered_map>

#include <CLI/CLI.hpp>

#include "eval.h"

namespace communique::eval {

std::vector<TypeAdapter>& MutableAdapters() {
  static std::vector<TypeAdapter> adapters;
  return adapters;
}
void Register(TypeAdapter adapter) { MutableAdapters().push_back(std::move(adapter)); }
const std::vector<TypeAdapter>& Adapters() { return MutableAdapters(); }

namespace {

struct Counts {
  long gold = 0, sys = 0, exact = 0, overlap = 0;
  long valued_exact = 0, value_ok_exact = 0;      // value accuracy on exact matches
  long valued_overlap = 0, value_ok_overlap = 0;  // on overlapping matches
  long value_correct = 0;                         // overlap + right value (value F1)
  std::map<std::string, long> not_applicable;     // gold spans left out, per reason
};

double F1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }
double Ratio(long a, long b) { return b ? static_cast<double>(a) / static_cast<double>(b) : 0; }

struct Options {
  std::vector<std::string> files;
  std::vector<std::string> types, genres;
  int errors = 0;
  bool json = false;
};

void Score(const TypeAdapter& ad, const GoldDoc& doc, const Analysis& a, Counts* c,
           int* errors_left) {
  std::vector<std::pair<uint32_t, uint32_t>> gold;
  std::vector<const GoldSpan*> gold_src;
  std::vector<std::pair<uint32_t, uint32_t>> left_out;
  for (const GoldSpan& g : doc.spans) {
    if (std::find(ad.gold_types.begin(), ad.gold_types.end(), g.type) == ad.gold_types.end()) continue;
    if (ad.skip_gold && ad.skip_gold(g)) {  // optional: neither missed nor spurious
      left_out.push_back(ad.gold_span ? ad.gold_span(g) : std::make_pair(g.begin, g.end));
      continue;
    }
    if (ad.not_applicable) {
      std::string reason = ad.not_applicable(doc, g);
      if (!reason.empty()) {
        ++c->not_applicable[reason];
        if (*errors_left > 0) {
          --*errors_left;
          std::cout << "  " << ad.name << " " << doc.id << ": gold [" << g.begin << "," << g.end << ") \""
                    << doc.text.substr(g.begin, g.end - g.begin) << "\" | NOT APPLICABLE: " << reason << "\n";
        }
        left_out.push_back(ad.gold_span ? ad.gold_span(g) : std::make_pair(g.begin, g.end));
        continue;
      }
    }
    gold.push_back(ad.gold_span ? ad.gold_span(g) : std::make_pair(g.begin, g.end));
    gold_src.push_back(&g);
  }
  std::vector<SystemSpan> sys;
  ad.system(doc, a, &sys);
  // A system span on a left-out (optional or not applicable) gold span is
  // neither right nor spurious.
  std::erase_if(sys, [&](const SystemSpan& s) {
    for (const auto& [b, e] : left_out)
      if (s.begin < e && b < s.end) return true;
    return false;
  });
  std::sort(sys.begin(), sys.end(), [](const SystemSpan& x, const SystemSpan& y) {
    return x.begin != y.begin ? x.begin < y.begin : x.end < y.end;
  });
  c->gold += static_cast<long>(gold.size());
  c->sys += static_cast<long>(sys.size());
  std::vector<int> match(gold.size(), -1);
  std::vector<bool> used(sys.size(), false);
  std::multimap<std::pair<uint32_t, uint32_t>, size_t> by_span;
  for (size_t k = 0; k < sys.size(); ++k) by_span.emplace(std::make_pair(sys[k].begin, sys[k].end), k);
  for (size_t g = 0; g < gold.size(); ++g) {  // exact matches first
    auto range = by_span.equal_range(gold[g]);
    for (auto it = range.first; it != range.second; ++it)
      if (!used[it->second]) { used[it->second] = true; match[g] = static_cast<int>(it->second); ++c->exact; break; }
  }
  uint32_t max_len = 0;
  for (const SystemSpan& s : sys) max_len = std::max(max_len, s.end - s.begin);
  for (size_t g = 0; g < gold.size(); ++g) {  // then the largest overlap
    if (match[g] >= 0) continue;
    uint32_t lo = gold[g].first > max_len ? gold[g].first - max_len : 0;
    auto first = std::lower_bound(sys.begin(), sys.end(), lo,
                                  [](const SystemSpan& s, uint32_t v) { return s.begin < v; });
    int best = -1;
    uint32_t best_overlap = 0;
    for (auto it = first; it != sys.end() && it->begin < gold[g].second; ++it) {
      size_t k = static_cast<size_t>(it - sys.begin());
      if (used[k] || it->end <= gold[g].first) continue;
      uint32_t ov = std::min(it->end, gold[g].second) - std::max(it->begin, gold[g].first);
      if (ov > best_overlap) { best_overlap = ov; best = static_cast<int>(k); }
    }
    if (best >= 0) { used[static_cast<size_t>(best)] = true; match[g] = best; }
  }
  for (size_t g = 0; g < gold.size(); ++g) {
    const GoldSpan& gs = *gold_src[g];
    bool is_exact = match[g] >= 0 && sys[static_cast<size_t>(match[g])].begin == gold[g].first &&
                    sys[static_cast<size_t>(match[g])].end == gold[g].second;
    if (match[g] >= 0) ++c->overlap;
    std::string gv = ad.gold_value ? ad.gold_value(doc, gs) : std::string();
    bool value_ok = false;
    if (ad.gold_value && match[g] >= 0) {
      const std::string& sv = sys[static_cast<size_t>(match[g])].value;
      value_ok = ad.value_equal ? ad.value_equal(gv, sv) : gv == sv;
      ++c->valued_overlap;
      if (value_ok) { ++c->value_ok_overlap; ++c->value_correct; }
      if (is_exact) { ++c->valued_exact; if (value_ok) ++c->value_ok_exact; }
    }
    bool bad = match[g] < 0 || !is_exact || (ad.gold_value && !value_ok);
    if (bad && *errors_left > 0) {
      --*errors_left;
      std::string sys_desc = "MISSED";
      if (match[g] >= 0) {
        const SystemSpan& s = sys[static_cast<size_t>(match[g])];
        sys_desc = "got [" + std::to_string(s.begin) + "," + std::to_string(s.end) + ") \"" +
                   doc.text.substr(s.begin, s.end - s.begin) + "\" = " + s.value;
      }
      std::cout << "  " << ad.name << " " << doc.id << ": gold [" << gold[g].first << "," << gold[g].second
                << ") \"" << doc.text.substr(gold[g].first, gold[g].second - gold[g].first) << "\" = " << gv
                << " | " << sys_desc << "\n";
    }
  }
  for (size_t k = 0; k < sys.size() && *errors_left > 0; ++k) {
    if (used[k]) continue;
    --*errors_left;
    std::cout << "  " << ad.name << " " << doc.id << ": SPURIOUS [" << sys[k].begin << "," << sys[k].end << ") \""
              << doc.text.substr(sys[k].begin, sys[k].end - sys[k].begin) << "\" = " << sys[k].value << "\n";
  }
}

bool ReadDoc(const std::string& line, GoldDoc* doc, std::string* error) {
  nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("text")) {
    *error = "not a gold record (JSON object with \"text\")";
    return false;
  }
  doc->id = j.value("id", "");
  doc->text = j["text"].get<std::string>();
  doc->dct = j.contains("dct") && j["dct"].is_string() ? j["dct"].get<std::string>() : "";
  doc->genre = j.contains("genre") && j["genre"].is_string() ? j["genre"].get<std::string>() : "";
  doc->spans.clear();
  for (const auto& s : j.value("spans", nlohmann::json::array())) {
    GoldSpan g;
    g.begin = s.value("begin", 0u);
    g.end = s.value("end", 0u);
    g.type = s.value("type", "");
    g.text = s.value("text", "");
    g.value = s.contains("value") ? s["value"] : nlohmann::json();
    g.extra = s.contains("extra") ? s["extra"] : nlohmann::json();
    doc->spans.push_back(std::move(g));
  }
  doc->raw = std::move(j);
  return true;
}

void Add(const Counts& c, Counts* sum) {
  sum->gold += c.gold;
  sum->sys += c.sys;
  sum->exact += c.exact;
  sum->overlap += c.overlap;
  sum->valued_exact += c.valued_exact;
  sum->value_ok_exact += c.value_ok_exact;
  sum->valued_overlap += c.valued_overlap;
  sum->value_ok_overlap += c.value_ok_overlap;
  sum->value_correct += c.value_correct;
  for (const auto& [reason, n] : c.not_applicable) sum->not_applicable[reason] += n;
}

void PrintTable(const std::vector<const TypeAdapter*>& active, const std::vector<Counts>& counts) {
  std::printf("  %-14s %7s %7s | %6s %6s %6s | %6s %6s %6s | %8s %8s %7s\n", "type", "gold", "sys", "P", "R",
              "F1", "P~", "R~", "F1~", "valacc=", "valacc~", "valF1");
  for (size_t k = 0; k < active.size(); ++k) {
    const Counts& c = counts[k];
    double p = Ratio(c.exact, c.sys), r = Ratio(c.exact, c.gold);
    double po = Ratio(c.overlap, c.sys), ro = Ratio(c.overlap, c.gold);
    bool valued = static_cast<bool>(active[k]->gold_value);
    std::printf("  %-14s %7ld %7ld | %6.4f %6.4f %6.4f | %6.4f %6.4f %6.4f |", active[k]->name.c_str(), c.gold,
                c.sys, p, r, F1(p, r), po, ro, F1(po, ro));
    if (valued)
      std::printf(" %8.4f %8.4f %7.4f\n", Ratio(c.value_ok_exact, c.valued_exact),
                  Ratio(c.value_ok_overlap, c.valued_overlap),
                  F1(Ratio(c.value_correct, c.sys), Ratio(c.value_correct, c.gold)));
    else
      std::printf(" %8s %8s %7s\n", "-", "-", "-");
  }
  for (size_t k = 0; k < active.size(); ++k)
    for (const auto& [reason, n] : counts[k].not_applicable)
      std::printf("  %-14s not applicable, left out: %ld gold spans: %s\n", active[k]->name.c_str(), n,
                  reason.c_str());
}

int Run(const Options& opt) {
  auto analyzer = Analyzer::Create({});
  if (!analyzer.ok()) {
    std::cerr << "communique-eval: " << analyzer.status().ToString() << "\n";
    return 2;
  }
  Session session = analyzer.value()->NewSession();
  int errors_left = opt.errors;
  int exit_code = 0;
  // Counts summed over all files, per adapter, in first-seen order.
  std::vector<const TypeAdapter*> pooled_adapters;
  std::vector<Counts> pooled;
  std::map<std::string, size_t> pooled_index;
  long pooled_docs = 0;
  for (const std::string& file : opt.files) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      std::cerr << "communique-eval: cannot read " << file << "\n";
      exit_code = 2;
      continue;
    }
    std::set<std::string> present;
    std::vector<GoldDoc> docs;
    std::string line;
    long line_no = 0;
    while (std::getline(in, line)) {
      ++line_no;
      if (line.empty()) continue;
      GoldDoc doc;
      std::string error;
      if (!ReadDoc(line, &doc, &error)) {
        std::cerr << file << ":" << line_no << ": " << error << "\n";
        exit_code = 2;
        continue;
      }
      if (!opt.genres.empty() &&
          std::find(opt.genres.begin(), opt.genres.end(), doc.genre) == opt.genres.end())
        continue;
      for (const GoldSpan& g : doc.spans) present.insert(g.type);
      docs.push_back(std::move(doc));
    }
    std::vector<const TypeAdapter*> active;
    for (const TypeAdapter& ad : Adapters()) {
      if (!opt.types.empty() && std::find(opt.types.begin(), opt.types.end(), ad.name) == opt.types.end())
        continue;
      for (const std::string& t : ad.gold_types)
        if (present.count(t)) { active.push_back(&ad); break; }
    }
    std::vector<Counts> counts(active.size());
    Analysis analysis;
    long failed = 0;
    for (const GoldDoc& doc : docs) {
      DocumentInfo info;
      info.id = doc.id;
      if (!doc.dct.empty()) info.date = CivilDate::Parse(doc.dct);
      Status s = session.Analyze(doc.text, info, &analysis);
      if (!s.ok()) {
        std::cerr << file << ": " << doc.id << ": " << s.ToString() << "\n";
        ++failed;
        continue;
      }
      for (size_t k = 0; k < active.size(); ++k) Score(*active[k], doc, analysis, &counts[k], &errors_left);
    }
    pooled_docs += static_cast<long>(docs.size()) - failed;
    std::cout << file << ": " << docs.size() << " documents" << (failed ? ", " + std::to_string(failed) + " failed" : "")
              << "\n";
    PrintTable(active, counts);
    for (size_t k = 0; k < active.size(); ++k) {
      auto [it, added] = pooled_index.try_emplace(active[k]->name, pooled_adapters.size());
      if (added) {
        pooled_adapters.push_back(active[k]);
        pooled.emplace_back();
      }
      Add(counts[k], &pooled[it->second]);
    }
  }
  if (opt.files.size() > 1) {
    std::cout << "all " << opt.files.size() << " files, pooled: " << pooled_docs << " documents\n";
    PrintTable(pooled_adapters, pooled);
  }
  return exit_code;
}

}  // namespace
}  // namespace communique::eval

int main(int argc, char** argv) {
  communique::eval::Options opt;
  CLI::App app{"Scores communique against gold JSONL files (shared/corpora/gold format).\n"
               "Columns: P/R/F1 exact spans; ~ overlapping spans (one-to-one); valacc= value accuracy\n"
               "on exact matches, valacc~ on overlapping matches; valF1: overlapping span with the right value."};
  app.add_option("files", opt.files, "gold JSONL files")->required()->check(CLI::ExistingFile);
  app.add_option("--types", opt.types, "only these adapters (token, sentence, date, number, ...)")->delimiter(',');
  app.add_option("--genre", opt.genres, "only documents of these genres (GUM)")->delimiter(',');
  app.add_option("--errors", opt.errors, "print up to N mismatches");
  CLI11_PARSE(app, argc, argv);
  return communique::eval::Run(opt);
}
