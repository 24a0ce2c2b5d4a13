// Persons: title + name patterns, known officials, and later mentions by
// surname, by title alone ("the ambassador") and by role ("the Russian diplomat").
#include "entities/person_names.h"
#include "entities/resolver.h"

namespace communique::internal {
namespace {

constexpr uint32_t kMaxNameWords = 4;

uint32_t ClassBit(TitleClass c) { return 1u << static_cast<unsigned>(c); }

}  // namespace

bool Resolver::TermValid(const PersonInfo& p, const Term** term) const {
  *term = nullptr;
  for (const Term& t : p.terms) {
    if (date_ == 0) { *term = &t; continue; }  // no date: the latest term
    if ((t.begin == 0 || t.begin <= date_) && (t.end == 0 || date_ <= t.end)) {
      *term = &t;
      return true;
    }
  }
  return date_ == 0 && *term != nullptr;
}

// Family names come last ("Anatoly Antonov") or, in East Asian order, first
// ("Wang Wenbin"): a first word that is no known given name may be one too.
void Resolver::NoteFamilyFirst(uint32_t id, const Hit& name) {
  if (name.last - name.first == 2 && !GivenAt(name.first))
    reg_.NotePerson(id, SurnameHashAt(name.first), TitleClass::kOfficial);
}

// The end of a person's name in the words [first, last) (see PersonNameEnd):
// "WENDY R. SHERMAN" of "WENDY R. SHERMAN Deputy", "Johnson" of "Johnson COVID".
uint32_t Resolver::NameLast(uint32_t first, uint32_t last) const {
  if (last - first < 2) return last;  // one word: the callers' own tests
  auto surface = [this](size_t i) { return text_.substr(words_[i].begin, words_[i].end - words_[i].begin); };
  struct Surfaces {
    decltype(surface)& f;
    std::string_view operator[](size_t i) const { return f(i); }
  } words{surface};
  return static_cast<uint32_t>(PersonNameEnd(lex_, words, first, last));
}

// The end of at most kMaxNameWords name words from `first`: particles
// ("da", "von der") and the parts of a hyphenated word ("Jean-Yves") do not
// count ("Luiz Inacio Lula da Silva", "Jean-Yves Le Drian").
uint32_t Resolver::NameWordsEnd(uint32_t first, uint32_t last) const {
  uint32_t counted = 0;
  for (uint32_t w = first; w < last; ++w) {
    const Word& word = words_[w];
    const bool joined = w > first && (word.key == "-" || (words_[w - 1].key == "-" && words_[w - 1].end == word.begin));
    const bool particle = word.shape == Shape::kLower || word.key == "le" || word.key == "la" || word.key == "al";
    if (joined || (particle && w > first)) continue;
    if (++counted > kMaxNameWords) return w;
  }
  return last;
}

uint32_t Resolver::AddPerson(const Hit& full, std::string_view canonical, MentionVia via) {
  Hit name = full;
  name.last = NameLast(name.first, name.last);
  if (name.last == name.first) return kNoPerson;  // a title phrase, no name
  if (name.last != full.last) canonical = Surface(name.first, name.last);
  uint32_t id = reg_.Named(HashJoined("p:", canonical), EntityType::kPerson, canonical);
  last_person_ = id;
  reg_.AddMention(id, SpanOf(name.first, name.last), via);
  reg_.NotePerson(id, name.last - name.first >= 2 ? SurnameHashAt(name.last - 1) : 0,
                  TitleClass::kOfficial);
  NoteFamilyFirst(id, name);
  return id;
}

// Fills a person's empty fields from a title pattern.
static void Enrich(Entity* e, const TitleInfo* title, const std::string& affiliation,
                   std::string_view posted_to) {
  if (title && !title->title.empty() && e->title.empty()) e->title = title->title;
  if (!affiliation.empty() && e->affiliation.empty()) e->affiliation = affiliation;
  if (!posted_to.empty() && e->posted_to.empty()) e->posted_to = std::string(posted_to);
}

// "Le Drian", "von der Leyen" after "Jean-Yves Le Drian": particles before
// the surname of a person named before belong to the mention.
bool Resolver::SurnameMention(const Hit& h) {
  uint32_t first = h.first;
  while (first + 1 < h.last && IsNameParticleKey(words_[first].key)) ++first;
  if (h.last - first != 1) return false;
  int32_t p = reg_.PersonBySurnameHash(words_[first].hash);
  if (p < 0) return false;
  reg_.AddMention(static_cast<uint32_t>(p), SpanOf(h.first, h.last), MentionVia::kSurname);
  reg_.NotePerson(static_cast<uint32_t>(p), SurnameHashAt(first), TitleClass::kOfficial);
  return true;
}

void Resolver::KnownPerson(size_t hi, const Entry& e, const TitleInfo* title, int32_t affiliation,
                           std::string_view posted_to) {
  const Hit& h = hits_[hi];
  const PersonInfo& p = lex_.person(e.ref);
  const Term* term = nullptr;
  bool in_office = TermValid(p, &term);
  uint32_t id = reg_.Named(p.key, EntityType::kPerson, p.name);
  last_person_ = id;
  Entity& ent = reg_.entity(id);
  Enrich(&ent, title, CountryCode(affiliation), posted_to);
  if (ent.affiliation.empty()) ent.affiliation = p.country >= 0 ? CountryCode(p.country) : p.org;
  if (ent.title.empty() && in_office) ent.title = p.title;
  reg_.AddMention(id, SpanOf(h.first, h.last), h.full_name ? MentionVia::kName : e.via);
  const std::string& surname = p.surname_key;
  reg_.NotePerson(id, SurnameHashAt(h.last - 1), title ? title->cls : TitleClass::kOfficial);
  if (!surname.empty() && surname != words_[h.last - 1].key) reg_.NotePerson(id, p.surname_hash, TitleClass::kOfficial);
}

// Words of a title's modifiers ("Russian", "Kremlin", "Chinese Foreign
// Ministry") give the country a titled person serves.
static int32_t ModifierCountry(const Lexicon& lex, const std::vector<Hit>& hits, size_t hi,
                               uint32_t* first) {
  int32_t org_country = -1;
  for (size_t j = hi, steps = 0; j > 0 && steps < 3; --j, ++steps) {
    const Hit& prev = hits[j - 1];
    if (prev.last != hits[j].first || prev.entry < 0) break;
    const Entry& e = lex.entry(static_cast<uint32_t>(prev.entry));
    // An agency with no country ("Senate Majority Leader") makes no mention
    // of its own here: it stays out of the title, for the tagger.
    if (e.kind == EntryKind::kOrganization && lex.org(e.ref).country < 0 &&
        lex.org(e.ref).code.find('*') != std::string::npos) {
      const Hit* before = j >= 2 && hits[j - 2].last == prev.first ? &hits[j - 2] : nullptr;
      const Entry* be = before && before->entry >= 0 ? &lex.entry(static_cast<uint32_t>(before->entry)) : nullptr;
      if (!be || (be->kind != EntryKind::kCountry && be->kind != EntryKind::kDemonym)) return org_country;
    }
    *first = prev.first;
    switch (e.kind) {
      case EntryKind::kCountry:
      case EntryKind::kDemonym: return static_cast<int32_t>(e.ref);
      case EntryKind::kSeat:
      case EntryKind::kCapital: return lex.place(e.ref).country;
      case EntryKind::kOrganization:
        if (org_country < 0) org_country = lex.org(e.ref).country;
        break;
      default: return org_country;
    }
  }
  return org_country;
}

void Resolver::TitleHit(size_t hi, const Entry& e) {
  const Hit& h = hits_[hi];
  const TitleInfo& title = lex_.title(e.ref);
  uint32_t mod_first = h.first;
  int32_t affiliation = ModifierCountry(lex_, hits_, hi, &mod_first);
  std::string posted_to;
  uint32_t p = h.last;
  bool of_phrase = false;
  if (title.cls != TitleClass::kHonorific && p < words_.size() &&
      (words_[p].key == "to" || words_[p].key == "of" || words_[p].key == "in")) {
    uint32_t q = p + 1;
    if (q < words_.size() && words_[q].key == "the") ++q;
    if (q < words_.size() && hit_at_[q] >= 0) {
      const Hit& ph = hits_[static_cast<size_t>(hit_at_[q])];
      const Entry* pe = EntryOf(ph);
      std::string code;
      int32_t country = -1;
      if (pe && (pe->kind == EntryKind::kCountry || pe->kind == EntryKind::kDemonym)) {
        country = static_cast<int32_t>(pe->ref);
        code = CountryCode(country);
      } else if (pe && pe->kind == EntryKind::kOrganization && lex_.org(pe->ref).kind == "igo") {
        code = lex_.org(pe->ref).code;
      }
      if (!code.empty()) {
        if (words_[p].key == "of" && affiliation < 0 && country >= 0) affiliation = country;
        else if (words_[p].key != "of" && title.cls == TitleClass::kEnvoy) posted_to = code;
        p = ph.last;
        of_phrase = true;
      }
    }
  }
  bool after_the = mod_first > 0 && words_[mod_first - 1].key == "the";
  uint32_t name_at = p;
  if (name_at < words_.size() && words_[name_at].key == "," && (after_the || of_phrase) &&
      title.cls != TitleClass::kHonorific)
    ++name_at;
  // "the President's COVID relief": a possessive title names no one after it.
  if (name_at < words_.size() && hit_at_[name_at] >= 0 && !words_[p - 1].possessive &&
      words_[name_at].sentence == words_[h.first].sentence) {
    size_t ni = static_cast<size_t>(hit_at_[name_at]);
    const Entry* ne = EntryOf(hits_[ni]);
    if (!used_[ni] && ne && ne->kind == EntryKind::kPerson) {
      used_[ni] = true;
      KnownPerson(ni, *ne, &title, affiliation, posted_to);
      TitleSpan(ni, mod_first);
      PluralTitleSecond(hi, ni, title, affiliation);
      return;
    }
    if (!used_[ni] && ne == nullptr && NameAfterTitle(ni, title, affiliation, posted_to)) {
      used_[ni] = true;
      TitleSpan(ni, mod_first);
      PluralTitleSecond(hi, ni, title, affiliation);
      return;
    }
  }
  if (title.cls != TitleClass::kHonorific) TitleAlone(hi, title);
}

// "Sens. Chris Coons and Lindsey Graham": a plural title abbreviation names
// the person after "and" too.
void Resolver::PluralTitleSecond(size_t hi, size_t ni, const TitleInfo& title, int32_t affiliation) {
  const Hit& h = hits_[hi];
  const std::string_view t = Surface(h.last - 1, h.last);
  if (t.size() < 3 || t.substr(t.size() - 2) != "s.") return;
  const uint32_t and_at = hits_[ni].last;
  if (and_at + 1 >= words_.size() || words_[and_at].key != "and" || hit_at_[and_at + 1] < 0) return;
  const size_t si = static_cast<size_t>(hit_at_[and_at + 1]);
  if (used_[si] || words_[and_at + 1].sentence != words_[h.first].sentence) return;
  const Entry* se = EntryOf(hits_[si]);
  if (se && se->kind == EntryKind::kPerson) {
    used_[si] = true;
    KnownPerson(si, *se, &title, affiliation, "");
  } else if (se == nullptr && NameAfterTitle(si, title, affiliation, "")) {
    used_[si] = true;
  }
}

// Records where the title (and its modifiers) of the name hit `ni` begins.
void Resolver::TitleSpan(size_t ni, uint32_t title_first) {
  Hit name = hits_[ni];
  name.last = NameWordsEnd(name.first, name.last);
  Span s = SpanOf(name.first, name.last);
  reg_.SetTitleSpan(last_person_, s, words_[title_first].begin);
}

bool Resolver::NameAfterTitle(size_t ni, const TitleInfo& title, int32_t affiliation,
                              std::string_view posted_to) {
  Hit name = hits_[ni];
  name.last = NameWordsEnd(name.first, name.last);
  name.last = NameLast(name.first, name.last);
  if (name.last == name.first) return false;
  if (name.last - name.first == 1 && CapsCommonWord(lex_, Surface(name.first, name.last))) return false;
  // "Chair of the U.S. Nuclear Regulatory Commission": a name ending in an
  // organization or place head word, with no given name first, names no one.
  if (const HeadInfo* head = HeadAt(name.last - 1);
      head != nullptr && head->last && !GivenAt(name.first) &&
      !(BitsAt(name.last - 1) & (kGazGiven | kGazSurname)))
    return false;
  uint32_t id;
  int32_t known = name.last - name.first == 1 ? reg_.PersonBySurnameHash(SurnameHashAt(name.first)) : -1;
  if (known >= 0) {
    id = static_cast<uint32_t>(known);
    last_person_ = id;
    reg_.AddMention(id, SpanOf(name.first, name.last), MentionVia::kSurname);
  } else {
    id = AddPerson(name, Surface(name.first, name.last), MentionVia::kName);
    if (id == kNoPerson) return false;
  }
  Enrich(&reg_.entity(id), &title, CountryCode(affiliation), posted_to);
  reg_.NotePerson(id, SurnameHashAt(name.last - 1), title.cls);
  NoteFamilyFirst(id, name);
  return true;
}

// "the ambassador", "the Russian diplomat", "the minister": the last person
// of that class (and nationality, when one is given) in the look-back.
void Resolver::TitleAlone(size_t hi, const TitleInfo& title) {
  const Hit& h = hits_[hi];
  uint32_t first = h.first;
  std::string affiliation;
  if (hi > 0 && hits_[hi - 1].last == first) {
    const Entry* pe = EntryOf(hits_[hi - 1]);
    if (pe && pe->kind == EntryKind::kDemonym) {
      affiliation = CountryCode(static_cast<int32_t>(pe->ref));
      first = hits_[hi - 1].first;
    }
  }
  if (first == 0 || words_[first - 1].key != "the") return;
  // "THE PRESIDENT:" is a transcript turn label (quotes), not a back-reference.
  if (h.last < words_.size() && words_[h.last].key == ":" && words_[first - 1].shape == Shape::kUpper) return;
  // Capitalized title words mid-sentence are names of offices, not back-references.
  uint32_t mask = title.cls == TitleClass::kRole ? title.role_of : ClassBit(title.cls);
  int32_t p = reg_.LastPerson(mask, affiliation);
  if (p < 0) return;
  Entity& e = reg_.entity(static_cast<uint32_t>(p));
  if (title.cls != TitleClass::kRole && !e.title.empty() && e.title != title.title &&
      title.title != "Minister" && title.title != "Secretary")
    return;
  reg_.AddMention(static_cast<uint32_t>(p), SpanOf(first - 1, h.last),
                  title.cls == TitleClass::kRole ? MentionVia::kRole : MentionVia::kTitle);
}

}  // namespace communique::internal
