// Adapters for quotes (gold type `quote`, extra.speaker/cue/kind) and a
// report of the gold `claims` list of each document that has one.
//
//   quote        spans; value = the speaker entity's name
//   quote-cue    spans; value = the cue as written ("said", "according to")
//   quote-kind   spans; value = direct/partial/indirect (according_to counts
//                as indirect, which is how the gold files write it)
//
// Scare quotes and the whole-turn records of transcripts are not quotes of
// the gold files' kind and are left out.
#include <cmath>
#include <cstdio>
#include <iostream>

#include "eval.h"

namespace communique::eval {
namespace {

bool Scored(const Quote& q) { return q.kind != QuoteKind::kScare && q.cue_lemma != "turn"; }

std::string SpeakerName(const Analysis& a, int32_t speaker) {
  if (speaker < 0 || static_cast<size_t>(speaker) >= a.entities.size()) return "";
  return a.entities[static_cast<size_t>(speaker)].name;
}

std::string ExtraString(const GoldSpan& g, const char* key) {
  if (!g.extra.is_object() || !g.extra.contains(key) || !g.extra[key].is_string()) return "";
  return g.extra[key].get<std::string>();
}

// Prints, per document with a gold `claims` list, which gold claims a system
// claim covers (its span holds the anchor) and which fields agree.
void ReportClaims(const GoldDoc& doc, const Analysis& a) {
  if (!doc.raw.contains("claims") || !doc.raw["claims"].is_array()) return;
  const auto& gold = doc.raw["claims"];
  int n = 0, found = 0, speaker = 0, stated = 0, value = 0, unit = 0, period = 0, links = 0, gold_links = 0;
  for (const auto& g : gold) {
    ++n;
    uint32_t b = g.value("begin", 0u), e = g.value("end", 0u);
    const Claim* hit = nullptr;
    int hit_index = -1;
    for (size_t k = 0; k < a.claims.size() && !hit; ++k)
      if (a.claims[k].span.begin <= b && a.claims[k].span.end >= e) { hit = &a.claims[k]; hit_index = static_cast<int>(k); }
    std::string anchor = g.value("anchor", "");
    if (g.contains("restates")) ++gold_links;
    if (!hit) {
      std::cout << "  claim " << doc.id << ": MISSED \"" << anchor << "\"\n";
      continue;
    }
    ++found;
    bool sp = SpeakerName(a, hit->speaker) == g.value("speaker", "");
    bool st = hit->stated_on == g.value("stated_on", "");
    bool pe = g.contains("period") && g["period"].is_string() && hit->about == g["period"].get<std::string>();
    bool va = true, un = true;
    if (g.contains("value") && g["value"].is_number()) {
      double gv = g["value"].get<double>();
      va = un = false;
      for (uint32_t f : hit->figures) {
        const Figure& fig = a.figures[f];
        if (fig.span.begin >= b && fig.span.end <= e + 8) {
          va = std::fabs(fig.value - gv) < 1e-9;
          un = g.contains("unit") && g["unit"].is_string() && fig.unit == g["unit"].get<std::string>();
        }
      }
    }
    speaker += sp; stated += st; value += va; unit += un; period += pe;
    bool link_ok = false;
    if (g.contains("restates") && g["restates"].is_string()) {
      std::string target = g["restates"].get<std::string>();
      size_t at = doc.text.find(target);
      for (uint32_t r : hit->restates)
        if (at != std::string::npos && a.claims[r].span.begin <= at && a.claims[r].span.end >= at + target.size())
          link_ok = true;
      links += link_ok;
    }
    if (!(sp && st && va && un && pe) || (g.contains("restates") && !link_ok))
      std::cout << "  claim " << doc.id << ": \"" << anchor << "\" -> claim " << hit_index << " speaker="
                << SpeakerName(a, hit->speaker) << " stated_on=" << hit->stated_on << " about=" << hit->about
                << (g.contains("restates") ? (link_ok ? " restates ok" : " restates MISSING") : "") << "\n";
  }
  std::printf("  claims %s: gold %d, covered %d; speaker %d, stated_on %d, value %d, unit %d, period %d; "
              "restatement links %d/%d\n", doc.id.c_str(), n, found, speaker, stated, value, unit, period, links,
              gold_links);
}

const Registrar kQuotes({"quote", {"quote"},
    [](const GoldDoc& doc, const Analysis& a, std::vector<SystemSpan>* out) {
      ReportClaims(doc, a);
      for (const Quote& q : a.quotes)
        if (Scored(q)) out->push_back({q.span.begin, q.span.end, SpeakerName(a, q.speaker)});
    },
    {},
    [](const GoldDoc&, const GoldSpan& g) { return ExtraString(g, "speaker"); },
    {}, {}});

const Registrar kQuoteCues({"quote-cue", {"quote"},
    [](const GoldDoc& doc, const Analysis& a, std::vector<SystemSpan>* out) {
      for (const Quote& q : a.quotes)
        if (Scored(q))
          out->push_back({q.span.begin, q.span.end, doc.text.substr(q.cue.begin, q.cue.end - q.cue.begin)});
    },
    {},
    [](const GoldDoc&, const GoldSpan& g) { return ExtraString(g, "cue"); },
    [](const std::string& gold, const std::string& sys) {
      if (gold.size() != sys.size()) return false;
      for (size_t k = 0; k < gold.size(); ++k)
        if (std::tolower(static_cast<unsigned char>(gold[k])) != std::tolower(static_cast<unsigned char>(sys[k])))
          return false;
      return true;
    },
    {}});

const Registrar kQuoteKinds({"quote-kind", {"quote"},
    [](const GoldDoc&, const Analysis& a, std::vector<SystemSpan>* out) {
      for (const Quote& q : a.quotes) {
        if (!Scored(q)) continue;
        std::string kind(QuoteKindName(q.kind));
        if (q.kind == QuoteKind::kAccordingTo) kind = "indirect";
        out->push_back({q.span.begin, q.span.end, kind});
      }
    },
    {},
    [](const GoldDoc&, const GoldSpan& g) { return ExtraString(g, "kind"); },
    {}, {}});

// Speaker precision on direct quotes: system direct quotes that name a
// speaker, scored against gold direct quotes; valacc~ is the precision of
// speakers on overlapping pairs (a gold direct quote with no speaker counts
// against a system speaker).
const Registrar kQuoteDirectSpeakers({"quote-direct-speaker", {"quote"},
    [](const GoldDoc&, const Analysis& a, std::vector<SystemSpan>* out) {
      for (const Quote& q : a.quotes)
        if (Scored(q) && q.kind == QuoteKind::kDirect && q.speaker >= 0)
          out->push_back({q.span.begin, q.span.end, SpeakerName(a, q.speaker)});
    },
    {},
    [](const GoldDoc&, const GoldSpan& g) { return ExtraString(g, "speaker"); },
    {},
    [](const GoldSpan& g) { return ExtraString(g, "kind") != "direct"; }});

}  // namespace
}  // namespace communique::eval
