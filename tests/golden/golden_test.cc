// Golden tests: the output of every corpora/ document equals its reviewed
// expected output in corpora/expected/<id>.json. With COMMUNIQUE_UPDATE_GOLDEN=1
// the expected files are rewritten instead (scripts/update-golden).
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "corpus.h"

namespace {

using communique::testing::CorpusDoc;
using nlohmann::json;

// Describes the first records that differ, key by key, with spans and text.
std::string Describe(const json& want, const json& got) {
  std::ostringstream out;
  int shown = 0;
  for (auto it = want.begin(); it != want.end() && shown < 12; ++it) {
    const json& g = got.contains(it.key()) ? got[it.key()] : json();
    if (g == it.value()) continue;
    if (!it->is_array() || !g.is_array()) {
      out << "  " << it.key() << ": expected " << it->dump() << "\n    got " << g.dump() << "\n";
      ++shown;
      continue;
    }
    size_t n = std::max(it->size(), g.size());
    for (size_t i = 0; i < n && shown < 12; ++i) {
      json w = i < it->size() ? (*it)[i] : json();
      json h = i < g.size() ? g[i] : json();
      if (w == h) continue;
      out << "  " << it.key() << "[" << i << "]: expected " << w.dump() << "\n    got " << h.dump() << "\n";
      ++shown;
    }
  }
  return out.str();
}

}  // namespace

TEST_SUITE("golden") {
  TEST_CASE("every corpus document matches its expected output") {
    namespace fs = std::filesystem;
    const std::string root = COMMUNIQUE_CORPORA_DIR;
    const bool update = std::getenv("COMMUNIQUE_UPDATE_GOLDEN") != nullptr;
    auto docs = communique::testing::LoadCorpus(root);
    REQUIRE(docs.size() >= 10);
    auto analyzer = communique::Analyzer::Create({}).value();
    communique::Session session = analyzer->NewSession();
    communique::Analysis a;
    fs::create_directories(root + "/expected");
    for (const CorpusDoc& d : docs) {
      CAPTURE(d.file);
      communique::DocumentInfo info;
      info.id = d.id;
      info.date = d.date;
      REQUIRE(session.Analyze(d.text, info, &a).ok());
      std::string out;
      communique::AppendJson(a, d.text, {false, true}, &out);
      out.push_back('\n');
      std::string path = root + "/expected/" + communique::testing::FileNameFor(d.id) + ".json";
      if (update) {
        std::ofstream(path, std::ios::binary) << out;
        continue;
      }
      std::ifstream in(path, std::ios::binary);
      REQUIRE_MESSAGE(in.good(), "no expected output " << path << "; run scripts/update-golden and review it");
      std::ostringstream ss;
      ss << in.rdbuf();
      json want = json::parse(ss.str()), got = json::parse(out);
      if (want != got) FAIL_CHECK(d.id << " differs from " << path << ":\n" << Describe(want, got));
    }
  }
}
