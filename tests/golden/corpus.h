// The documents of corpora/ as the golden and invariant tests read them.
#ifndef COMMUNIQUE_TESTS_GOLDEN_CORPUS_H_
#define COMMUNIQUE_TESTS_GOLDEN_CORPUS_H_

#include <optional>
#include <string>
#include <vector>

#include "communique/communique.h"

namespace communique::testing {

struct CorpusDoc {
  std::string id;    ///< file stem or the JSONL id
  std::string file;  ///< where it came from (for messages)
  std::string text;
  std::optional<CivilDate> date;
};

/// Every corpora/*/*.txt file and every line of corpora/*/*.jsonl.
std::vector<CorpusDoc> LoadCorpus(const std::string& root);

/// A file name for an id: "state/256094" -> "state_256094".
std::string FileNameFor(const std::string& id);

}  // namespace communique::testing

#endif  // COMMUNIQUE_TESTS_GOLDEN_CORPUS_H_
