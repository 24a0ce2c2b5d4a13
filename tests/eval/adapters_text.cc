// Adapters for tokens, sentences and paragraphs.
#include "eval.h"

namespace communique::eval {
namespace {

const Registrar kTokens({"token", {"token"},
    [](const GoldDoc&, const Analysis& a, std::vector<SystemSpan>* out) {
      for (const Token& t : a.tokens) out->push_back({t.span.begin, t.span.end, ""});
    }, {}, {}, {}, {}});

const Registrar kSentences({"sentence", {"sentence"},
    [](const GoldDoc&, const Analysis& a, std::vector<SystemSpan>* out) {
      for (const Sentence& s : a.sentences) out->push_back({s.span.begin, s.span.end, ""});
    }, {}, {}, {}, {}});

const Registrar kParagraphs({"paragraph", {"paragraph"},
    [](const GoldDoc&, const Analysis& a, std::vector<SystemSpan>* out) {
      for (const Paragraph& p : a.paragraphs) out->push_back({p.span.begin, p.span.end, ""});
    }, {}, {}, {}, {}});

}  // namespace
}  // namespace communique::eval
