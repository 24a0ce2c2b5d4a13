// communique-extract: minimal placeholder, replaced by the streaming extractor.
#include <fstream>
#include <iostream>
#include <sstream>

#include "communique/communique.h"

int main(int argc, char** argv) {
  auto analyzer = communique::Analyzer::Create({});
  if (!analyzer.ok()) { std::cerr << analyzer.status().ToString() << "\n"; return 2; }
  communique::Session session = analyzer.value()->NewSession();
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    std::stringstream ss; ss << in.rdbuf();
    std::string text = ss.str();
    communique::Analysis a;
    communique::DocumentInfo info; info.id = argv[i];
    communique::Status s = session.Analyze(text, info, &a);
    std::string out;
    if (!s.ok()) communique::AppendErrorJson(argv[i], s, argv[i], &out);
    else communique::AppendJson(a, text, {true, true}, &out);
    std::cout << out << "\n";
  }
}
