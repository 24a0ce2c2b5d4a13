// Analyses one sentence through the installed library and checks the result.
#include <iostream>

#include <communique/communique.h>

int main() {
  auto analyzer = communique::Analyzer::Create({});
  if (!analyzer.ok()) {
    std::cerr << analyzer.status().ToString() << "\n";
    return 1;
  }
  std::string text = "MOSCOW, Aug 2 (Reuters) - Russia said so. It was news.";
  communique::DocumentInfo info;
  info.date = communique::CivilDate{2021, 8, 2};
  auto analysis = analyzer.value()->Analyze(text, info);
  if (!analysis.ok() || analysis->sentences.size() != 2 || analysis->header.source != "Reuters") {
    std::cerr << "unexpected analysis\n";
    return 1;
  }
  std::string json;
  communique::AppendJson(analysis.value(), text, {}, &json);
  std::cout << "communique " << communique::Version() << ": " << json.size() << " bytes of JSON\n";
  return 0;
}
