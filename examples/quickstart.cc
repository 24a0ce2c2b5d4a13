// The README's library example, built and run as a test (quickstart).
#include <iostream>
#include <string>

#include <communique/communique.h>

int main() {
  auto analyzer = communique::Analyzer::Create({});  // once; share it between threads
  if (!analyzer.ok()) {
    std::cerr << analyzer.status().ToString() << "\n";
    return 1;
  }
  communique::Session session = analyzer.value()->NewSession();  // one per thread
  std::string text =
      "MOSCOW, Aug 2 (Reuters) - Russia issued 35 requests in the first six months of 2021, "
      "Foreign Minister Sergey Lavrov said.";
  communique::DocumentInfo info;
  info.date = communique::CivilDate{2021, 8, 2};
  communique::Analysis analysis;
  communique::Status status = session.Analyze(text, info, &analysis);
  if (!status.ok()) {
    std::cerr << status.ToString() << "\n";  // e.g. "invalid_utf8 at byte 17: ..."
    return 1;
  }
  std::cout << "source: " << analysis.header.source << ", date: " << analysis.header.date->ToString() << "\n";
  for (const communique::Sentence& s : analysis.sentences)
    std::cout << "sentence: " << communique::Slice(text, s.span) << "\n";
  for (const communique::TimeExpression& t : analysis.times)
    std::cout << "time: " << communique::Slice(text, t.span) << " = " << t.value << "\n";
  for (const communique::Figure& f : analysis.figures)
    std::cout << "figure: " << f.exact << " " << f.unit << "\n";
  std::string json;
  communique::AppendJson(analysis, text, {}, &json);  // the schema of docs/records.md
  return json.empty() ? 1 : 0;
}
