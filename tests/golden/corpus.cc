#include "corpus.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace communique::testing {

namespace fs = std::filesystem;

std::string FileNameFor(const std::string& id) {
  std::string out;
  for (char c : id) out.push_back((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                                  c == '-' || c == '.' ? c : '_');
  if (out.size() > 120) out.resize(120);
  return out;
}

std::vector<CorpusDoc> LoadCorpus(const std::string& root) {
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (!e.is_regular_file()) continue;
    std::string name = e.path().filename().string();
    if (e.path().parent_path().filename() == "expected") continue;
    // A held-out set is scored once by communique-eval; no golden output is kept for it.
    if (name.starts_with("heldout")) continue;
    if (e.path().extension() == ".txt" || e.path().extension() == ".jsonl") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<CorpusDoc> docs;
  for (const fs::path& p : files) {
    std::ifstream in(p, std::ios::binary);
    if (p.extension() == ".txt") {
      std::ostringstream ss;
      ss << in.rdbuf();
      docs.push_back({p.stem().string(), p.string(), ss.str(), std::nullopt});
      continue;
    }
    std::string line;
    int line_no = 0;
    while (std::getline(in, line)) {
      ++line_no;
      if (line.empty()) continue;
      nlohmann::json j = nlohmann::json::parse(line);
      CorpusDoc d;
      d.id = j.value("id", p.stem().string() + ":" + std::to_string(line_no));
      d.file = p.string() + ":" + std::to_string(line_no);
      d.text = j.at("text").get<std::string>();
      if (j.contains("date") && j["date"].is_string()) d.date = CivilDate::Parse(j["date"].get<std::string>());
      docs.push_back(std::move(d));
    }
  }
  return docs;
}

}  // namespace communique::testing
