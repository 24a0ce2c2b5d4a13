// Reading the project's hand-checked gold files (corpora/<set>/gold.jsonl) in unit tests.
#pragma once

#include <doctest/doctest.h>

#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "test_util.h"

namespace communique::testing {

/// Analyzes every record of corpora/<relative_path> (fields text, id, dct) and calls
/// fn(record, text, analysis). Returns the number of documents read.
template <class Fn>
int ForEachGoldDocument(const std::string& relative_path, Fn&& fn) {
  std::ifstream in(std::string(COMMUNIQUE_CORPORA_DIR) + "/" + relative_path, std::ios::binary);
  REQUIRE(in.good());
  int docs = 0;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    REQUIRE(!j.is_discarded());
    ++docs;
    const std::string text = j["text"].get<std::string>();
    const std::string id = j.value("id", "");  // DocumentInfo::id is a view: keep the string alive
    DocumentInfo info;
    info.id = id;
    info.date = CivilDate::Parse(j.value("dct", ""));
    const Analysis a = AnalyzeOk(text, info);
    fn(j, text, a);
  }
  return docs;
}

}  // namespace communique::testing
