#include "entities/lexicon.h"

#include <charconv>

#include "core/tables.h"
#include "entities/list_nouns.h"

namespace communique::internal {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// "2021-08-02" -> 20210802; "" or malformed -> 0.
int32_t DateNumber(std::string_view s) {
  if (s.size() != 10) return 0;
  int32_t v = 0;
  for (char c : s) {
    if (c == '-') continue;
    if (c < '0' || c > '9') return 0;
    v = v * 10 + (c - '0');
  }
  return v;
}

TitleClass ClassOf(std::string_view s) {
  if (s == "head") return TitleClass::kHead;
  if (s == "minister") return TitleClass::kMinister;
  if (s == "envoy") return TitleClass::kEnvoy;
  if (s == "spokes") return TitleClass::kSpokes;
  if (s == "legislator") return TitleClass::kLegislator;
  if (s == "military") return TitleClass::kMilitary;
  if (s == "royal") return TitleClass::kRoyal;
  if (s == "honorific") return TitleClass::kHonorific;
  if (s == "role") return TitleClass::kRole;
  return TitleClass::kOfficial;
}

}  // namespace

void Lexicon::AddPhrase(std::string_view phrase, bool ignore_case, Entry e) {
  SplitPhrase(phrase, ignore_case, &keys_scratch_, &rules_scratch_);
  if (keys_scratch_.empty()) return;
  uint8_t bit = 0;
  switch (e.kind) {
    case EntryKind::kCountry: case EntryKind::kCapital: case EntryKind::kSeat:
    case EntryKind::kRegion: case EntryKind::kPlace: bit = kGazPlace; break;
    case EntryKind::kOrganization: bit = kGazOrg; break;
    case EntryKind::kDemonym: bit = kGazDemonym; break;
    case EntryKind::kTitle: bit = kWordTitle; break;
    case EntryKind::kPerson:
      if (e.via == MentionVia::kName && keys_scratch_.size() >= 2) trie_.MarkWord(HashWord(keys_scratch_.back()), kGazSurname);
      break;
    default: break;
  }
  if (bit != 0 && keys_scratch_.size() == 1) trie_.MarkWord(HashWord(keys_scratch_[0]), bit);
  if (e.kind == EntryKind::kTitle)
    for (const std::string& k : keys_scratch_) trie_.MarkWord(HashWord(k), kWordInTitle);
  entries_.push_back(e);
  trie_.Add(keys_scratch_, rules_scratch_, static_cast<uint32_t>(entries_.size() - 1));
}

int32_t Lexicon::CountryIndex(std::string_view code) const {
  const int32_t* index = country_by_code_.Find(HashWord(code));
  return index == nullptr ? -1 : *index;
}


uint8_t Lexicon::GazBits(std::string_view word) const { return GazBitsOfLower(HashLowerWord(word)); }
bool Lexicon::IsCommonWord(std::string_view word) const { return IsCommonLower(HashLowerWord(word)); }
bool Lexicon::IsWorkHead(std::string_view word) const {
  const uint8_t* v = work_heads_.Find(HashLowerWord(word));
  return v != nullptr && (*v & 1);
}
bool Lexicon::IsGroupNoun(std::string_view word) const {
  const uint8_t* v = work_heads_.Find(HashLowerWord(word));
  return v != nullptr && (*v & 2);
}
bool Lexicon::IsStrongCommonWord(std::string_view word) const {
  const uint8_t* v = common_.Find(HashLowerWord(word));
  return v != nullptr && *v == 2;
}
uint8_t Lexicon::WordBits(std::string_view word) const { return trie_.WordBits(HashLowerWord(word)); }

const HeadInfo* Lexicon::Head(std::string_view key) const {
  if (!key.empty()) {
    const size_t b = ShapeBit(key);
    if (!((head_filter_[b / 64] >> (b % 64)) & 1)) return nullptr;
  }
  return heads_.Find(HashWord(key));
}

Status Lexicon::LoadCountries() {
  Tsv t;
  if (Status s = LoadTable("entity_countries.tsv", 4, &t); !s.ok()) return s;
  country_by_code_.Reserve(t.rows.size());  // a few hundred codes: no rehash
  auto country = [this](std::string_view code, std::string_view name) {
    if (const int32_t index = CountryIndex(code); index >= 0) return index;
    const auto index = static_cast<int32_t>(countries_.size());
    country_by_code_[HashWord(code)] = index;
    countries_.push_back({std::string(code), std::string(name)});
    return index;
  };
  for (const TsvRow& r : t.rows) {
    int32_t c = country(r.fields[0], r.fields[1]);
    AddPhrase(r.fields[2], false, {EntryKind::kCountry, MentionVia::kName, static_cast<uint32_t>(c)});
  }
  Tsv a;
  if (Status s = LoadTable("entity_country_aliases.tsv", 3, &a); !s.ok()) return s;
  for (const TsvRow& r : a.rows) {
    int32_t c = country(r.fields[0], r.fields[1]);
    std::string_view via = r.fields[2];
    if (via == "canonical") {
      countries_[static_cast<size_t>(c)].name = std::string(r.fields[1]);
      continue;
    }
    AddPhrase(r.fields[1], false,
              {via == "demonym" ? EntryKind::kDemonym : EntryKind::kCountry,
               via == "demonym" ? MentionVia::kDemonym : MentionVia::kAlias, static_cast<uint32_t>(c)});
  }
  Tsv d;
  if (Status s = LoadTable("entity_demonyms.tsv", 2, &d); !s.ok()) return s;
  for (const TsvRow& r : d.rows) {
    int32_t c = CountryIndex(r.fields[0]);
    if (c >= 0)
      AddPhrase(r.fields[1], false, {EntryKind::kDemonym, MentionVia::kDemonym, static_cast<uint32_t>(c)});
  }
  return Status();
}

Status Lexicon::LoadPlaces() {
  struct Source { const char* file; EntryKind kind; size_t name_col; };
  const Source sources[] = {
      {"entity_capitals.tsv", EntryKind::kCapital, 1},
      {"entity_seats.tsv", EntryKind::kSeat, 1},
      {"entity_regions.tsv", EntryKind::kRegion, 0},
      {"entity_places.tsv", EntryKind::kPlace, 1},
  };
  for (const Source& src : sources) {
    Tsv t;
    if (Status s = LoadTable(src.file, 2, &t); !s.ok()) return s;
    for (const TsvRow& r : t.rows) {
      std::string_view code = src.name_col == 0 ? r.fields[1] : r.fields[0];
      std::string_view name = r.fields[src.name_col];
      places_.push_back({std::string(name), code.empty() ? -1 : CountryIndex(code)});
      MentionVia via = src.kind == EntryKind::kSeat || src.kind == EntryKind::kCapital
                           ? MentionVia::kSeat : MentionVia::kName;
      AddPhrase(name, false, {src.kind, via, static_cast<uint32_t>(places_.size() - 1)});
    }
  }
  return Status();
}

// Towns are kept apart from the trie: the resolver asks for them only where
// the context says place ("in X", "X, Texas", a dateline).
Status Lexicon::LoadTowns() {
  // Read in place (26,000 rows: no per-row field vectors); rows are sorted by
  // country, so the country index is looked up once per country.
  const std::string_view table = EmbeddedTable("entity_towns.tsv");
  if (table.empty()) return Status(ErrorCode::kDataLoadFailed, "missing table entity_towns.tsv");
  towns_.Reserve(40000);  // 38,000 rows: no rehash while loading
  std::string_view last_code;
  int32_t country = -1;
  bool header = true;
  for (size_t at = 0; at < table.size();) {
    size_t eol = table.find('\n', at);
    if (eol == std::string_view::npos) eol = table.size();
    const std::string_view line = table.substr(at, eol - at);
    at = eol + 1;
    if (line.empty() || line[0] == '#') continue;
    if (header) {  // "country	name	population"
      header = false;
      continue;
    }
    const size_t tab1 = line.find('\t');
    const size_t tab2 = tab1 == std::string_view::npos ? tab1 : line.find('\t', tab1 + 1);
    if (tab2 == std::string_view::npos) continue;
    const std::string_view code = line.substr(0, tab1), name = line.substr(tab1 + 1, tab2 - tab1 - 1);
    if (code != last_code) {
      last_code = code;
      country = CountryIndex(code);
    }
    uint64_t h = 0;
    // Words split at spaces and hyphens (a hyphen is a word), as BuildWords does.
    for (size_t i = 0; i < name.size();) {
      size_t j = i;
      while (j < name.size() && name[j] != ' ' && name[j] != '-') ++j;
      if (j > i) h = PhraseHash(h, HashLowerWord(name.substr(i, j - i)));
      if (j < name.size() && name[j] == '-') h = PhraseHash(h, HashWord("-"));
      i = j + 1;
    }
    if (h != 0 && country >= 0 && towns_.Find(h) == nullptr) towns_[h] = country;
  }
  return Status();
}

Status Lexicon::LoadOrganizations() {
  Tsv t;
  if (Status s = LoadTable("entity_organizations.tsv", 4, &t); !s.ok()) return s;
  std::unordered_map<std::string, uint32_t> by_code_name;
  for (const TsvRow& r : t.rows) {
    std::string key = std::string(r.fields[0]) + "\t" + std::string(r.fields[1]) + "\t" +
                      (r.fields.size() > 4 ? std::string(r.fields[4]) : std::string());
    auto [it, inserted] = by_code_name.try_emplace(key, static_cast<uint32_t>(orgs_.size()));
    if (inserted) {
      OrgInfo o;
      o.code = std::string(r.fields[0]);
      o.name = std::string(r.fields[1]);
      o.kind = std::string(r.fields[3]);
      if (r.fields.size() > 4 && !r.fields[4].empty()) o.country = CountryIndex(r.fields[4]);
      orgs_.push_back(std::move(o));
    }
    AddPhrase(r.fields[2], false, {EntryKind::kOrganization, MentionVia::kName, it->second});
  }
  Tsv g;
  if (Status s = LoadTable("entity_igos.tsv", 3, &g); !s.ok()) return s;
  for (const TsvRow& r : g.rows) {
    orgs_.push_back({std::string(r.fields[0]), std::string(r.fields[1]), "igo", -1});
    Entry e{EntryKind::kOrganization, MentionVia::kName, static_cast<uint32_t>(orgs_.size() - 1)};
    AddPhrase(r.fields[1], false, e);
    // Acronyms only when written in capitals (and at least three letters:
    // two-letter ones collide with words and initials).
    if (r.fields[2].size() >= 3) AddPhrase(r.fields[2], false, e);
  }
  Tsv h;
  if (Status s = LoadTable("entity_heads.tsv", 3, &h); !s.ok()) return s;
  for (const TsvRow& r : h.rows) {
    const std::string key = Lower(r.fields[0]);
    if (!key.empty()) {
      const size_t b = ShapeBit(key);
      head_filter_[b / 64] |= uint64_t{1} << (b % 64);
    }
    HeadInfo& info = heads_[HashWord(key)];
    info.type = r.fields[1] == "location" ? EntityType::kLocation : EntityType::kOrganization;
    (r.fields[2] == "first" ? info.first : info.last) = true;
  }
  return Status();
}

Status Lexicon::LoadTitles() {
  Tsv t;
  if (Status s = LoadTable("entity_titles.tsv", 3, &t); !s.ok()) return s;
  for (const TsvRow& r : t.rows) {
    TitleInfo ti;
    ti.title = std::string(r.fields[1]);
    ti.cls = ClassOf(r.fields[2]);
    if (r.fields.size() > 3) {
      std::string_view roles = r.fields[3];
      size_t p = 0;
      while (p < roles.size()) {
        size_t e = roles.find(',', p);
        if (e == std::string_view::npos) e = roles.size();
        std::string_view one = roles.substr(p, e - p);
        ti.role_of |= one == "*" ? 0xFFFFu : 1u << static_cast<unsigned>(ClassOf(one));
        p = e + 1;
      }
    }
    titles_.push_back(std::move(ti));
    AddPhrase(r.fields[0], true,
              {EntryKind::kTitle, titles_.back().cls == TitleClass::kRole ? MentionVia::kRole : MentionVia::kTitle,
               static_cast<uint32_t>(titles_.size() - 1)});
  }
  return Status();
}

Status Lexicon::LoadPersons() {
  Tsv t;
  if (Status s = LoadTable("entity_persons.tsv", 2, &t); !s.ok()) return s;
  persons_.reserve(t.rows.size());
  for (const TsvRow& r : t.rows) {
    PersonInfo p;
    p.name = std::string(r.fields[0]);
    std::string_view aff = r.fields[1];
    if (aff.substr(0, 4) == "IGO:") p.org = std::string(aff);
    else p.country = CountryIndex(aff);
    if (r.fields.size() > 2) {
      std::string_view terms = r.fields[2];
      size_t pos = 0;
      while (pos < terms.size()) {
        size_t e = terms.find(';', pos);
        if (e == std::string_view::npos) e = terms.size();
        std::string_view one = terms.substr(pos, e - pos);
        size_t dots = one.find("..");
        if (dots != std::string_view::npos)
          p.terms.push_back({DateNumber(one.substr(0, dots)), DateNumber(one.substr(dots + 2))});
        pos = e + 1;
      }
    }
    if (r.fields.size() > 3) p.title = std::string(r.fields[3]);
    persons_.push_back(std::move(p));
    Entry e{EntryKind::kPerson, MentionVia::kName, static_cast<uint32_t>(persons_.size() - 1)};
    AddPhrase(r.fields[0], false, e);
    if (r.fields.size() > 4) {
      std::string_view forms = r.fields[4];
      size_t pos = 0;
      while (pos < forms.size()) {
        size_t end = forms.find('|', pos);
        if (end == std::string_view::npos) end = forms.size();
        AddPhrase(forms.substr(pos, end - pos), false, {EntryKind::kPerson, MentionVia::kAlias, e.ref});
        pos = end + 1;
      }
    }
    if (r.fields.size() > 5 && !r.fields[5].empty())
      AddPhrase(r.fields[5], false, {EntryKind::kPerson, MentionVia::kSurname, e.ref});
  }
  return Status();
}

Status Lexicon::LoadNames() {
  Tsv t;
  if (Status s = LoadTable("entity_given_names.tsv", 1, &t); !s.ok()) return s;
  for (const TsvRow& r : t.rows) {
    trie_.MarkWord(HashLowerWord(r.fields[0]), kGazGiven);
  }
  Tsv family;
  if (Status s = LoadTable("entity_surnames.tsv", 1, &family); !s.ok()) return s;
  for (const TsvRow& r : family.rows) trie_.MarkWord(HashLowerWord(r.fields[0]), kGazFamily);
  return Status();
}

Status Lexicon::LoadCommonWords() {
  Tsv t;
  if (Status s = LoadTable("entity_common_words.tsv", 3, &t); !s.ok()) return s;
  common_.Reserve(t.rows.size());
  // 2: almost never capitalized inside a sentence (lower case 50 times as often).
  for (const TsvRow& r : t.rows) {
    uint64_t lower = 0, caps = 0;
    std::from_chars(r.fields[1].data(), r.fields[1].data() + r.fields[1].size(), lower);
    std::from_chars(r.fields[2].data(), r.fields[2].data() + r.fields[2].size(), caps);
    common_[HashLowerWord(r.fields[0])] = lower >= 50 * caps ? 2 : 1;
  }
  Tsv w;
  if (Status s = LoadTable("entity_work_heads.tsv", 2, &w); !s.ok()) return s;
  work_heads_.Reserve(w.rows.size());
  for (const TsvRow& r : w.rows) work_heads_[HashLowerWord(r.fields[0])] = 1;
  Tsv g;  // group nouns share the map, with their own value
  if (Status s = LoadTable("entity_groups.tsv", 1, &g); !s.ok()) return s;
  for (const TsvRow& r : g.rows) work_heads_[HashLowerWord(r.fields[0])] |= 2;
  return Status();
}

Status Lexicon::Load() {
  // About 21,000 phrases and 43,000 words (names included) in the tables:
  // sized once, and the edge table no larger than it needs (fewer pages).
  trie_.Reserve(24000, 48000);
  entries_.reserve(24000);
  if (Status s = LoadCountries(); !s.ok()) return s;
  if (Status s = LoadPlaces(); !s.ok()) return s;
  if (Status s = LoadTowns(); !s.ok()) return s;
  if (Status s = LoadOrganizations(); !s.ok()) return s;
  if (Status s = LoadTitles(); !s.ok()) return s;
  if (Status s = LoadPersons(); !s.ok()) return s;
  if (Status s = LoadNames(); !s.ok()) return s;
  if (Status s = LoadCommonWords(); !s.ok()) return s;
  for (std::string_view noun : ListNouns()) trie_.MarkLowerStop(HashWord(noun));
  keys_scratch_ = {};
  rules_scratch_ = {};
  MakeKeys();
  return Status();
}

// The registry keys of the table entries, hashed once here instead of per
// mention (Resolver).
void Lexicon::MakeKeys() {
  for (CountryInfo& c : countries_) c.key = HashJoined("c:", c.code);
  for (PlaceInfo& p : places_) {
    p.key = HashJoined("l:", p.name);
    p.key_m = HashJoined("l:", p.name, ":m");
  }
  for (OrgInfo& o : orgs_) o.key = HashJoined("o:", o.code);
  for (PersonInfo& p : persons_) {
    p.key = HashJoined("p:", p.name);
    const size_t space = p.name.rfind(' ');
    p.surname_key = space == std::string::npos ? std::string() : Lower(std::string_view(p.name).substr(space + 1));
    p.surname_hash = p.surname_key.empty() ? 0 : HashWord(p.surname_key);
  }
}

}  // namespace communique::internal
