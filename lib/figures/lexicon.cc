#include "figures/lexicon.h"

#include <algorithm>
#include <cctype>

#include "core/hash.h"
#include "core/tables.h"

namespace communique::internal {
namespace {

std::vector<std::string> SplitSpaces(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

std::string Lower(std::string_view s) {
  std::string r(s);
  for (char& c : r) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return r;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string_view Field(const TsvRow& row, size_t k) {
  return k < row.fields.size() ? row.fields[k] : std::string_view();
}

}  // namespace

void PhraseTable::Add(PhraseEntry e) {
  if (e.tokens.empty()) return;
  max_len_ = std::max(max_len_, e.tokens.size());
  std::string first = e.tokens[0];
  first_filter_.Add(first);
  first_hashes_.Add(first);
  last_hashes_.Add(e.tokens.back());
  if (e.tokens.size() == 1) single_hashes_.Add(first);
  else second_hashes_.Add(e.tokens[1]);
  by_first_[first].push_back(std::move(e));
}

uint16_t FigureLexicon::RoleSlow(std::string_view word) const {
  auto it = roles.find(word);
  return it == roles.end() ? 0 : it->second;
}

const NumberWord* FigureLexicon::NumberSlow(std::string_view word) const {
  auto it = number_words.find(word);
  return it == number_words.end() ? nullptr : &it->second;
}

std::string FigureLexicon::Lemma(std::string_view w) const {
  auto it = plurals.find(w);
  if (it != plurals.end()) return it->second;
  // A hyphenated compound inflects its last part (cyber-attacks).
  size_t dash = w.rfind('-');
  if (dash != std::string_view::npos && dash + 1 < w.size()) {
    std::string out(w.substr(0, dash + 1));
    out.append(Lemma(w.substr(dash + 1)));
    return out;
  }
  if (w.size() <= 3) return std::string(w);
  if (EndsWith(w, "ies")) {
    std::string out(w.substr(0, w.size() - 3));
    out.push_back('y');
    return out;
  }
  if (EndsWith(w, "sses") || EndsWith(w, "xes") || EndsWith(w, "ches") || EndsWith(w, "shes") ||
      EndsWith(w, "zzes"))
    return std::string(w.substr(0, w.size() - 2));
  if (EndsWith(w, "ss") || EndsWith(w, "us") || EndsWith(w, "is") || EndsWith(w, "'s"))
    return std::string(w);
  if (EndsWith(w, "s")) return std::string(w.substr(0, w.size() - 1));
  return std::string(w);
}

bool FigureLexicon::LooksPlural(std::string_view w) const {
  auto it = plurals.find(w);
  if (it != plurals.end()) return true;
  if (w.size() <= 3) return false;
  if (!EndsWith(w, "s")) return false;
  return !(EndsWith(w, "ss") || EndsWith(w, "us") || EndsWith(w, "is") || EndsWith(w, "'s"));
}

FigureBound ParseBound(std::string_view name) {
  if (name == "approx") return FigureBound::kApprox;
  if (name == "more_than") return FigureBound::kMoreThan;
  if (name == "at_least") return FigureBound::kAtLeast;
  if (name == "less_than") return FigureBound::kLessThan;
  if (name == "at_most") return FigureBound::kAtMost;
  return FigureBound::kExact;
}

Status FigureLexicon::Load(FigureLexicon* lex) {
  Tsv tsv;
  if (Status s = LoadTable("number_words.tsv", 3, &tsv); !s.ok()) return s;
  for (const TsvRow& row : tsv.rows) {
    NumberWord w;
    w.value = std::strtoull(std::string(row.fields[1]).c_str(), nullptr, 10);
    std::string_view k = row.fields[2];
    w.kind = k == "ten" ? NumberWordKind::kTen
           : k == "scale" ? NumberWordKind::kScale
           : k == "ordinal" ? NumberWordKind::kOrdinal
           : k == "ordinal_ten" ? NumberWordKind::kOrdinalTen
           : k == "ordinal_scale" ? NumberWordKind::kOrdinalScale
           : NumberWordKind::kUnit;
    lex->number_words[Lower(row.fields[0])] = w;
  }
  tsv = {};
  if (Status s = LoadTable("figure_words.tsv", 2, &tsv); !s.ok()) return s;
  static constexpr std::pair<std::string_view, uint16_t> kRoles[] = {
      {"id_prefix", kRoleIdPrefix}, {"stop", kRoleStop},       {"time_unit", kRoleTimeUnit},
      {"clock", kRoleClock},        {"rise", kRoleRise},       {"fall", kRoleFall},
      {"negative", kRoleNegative},  {"pronoun", kRolePronoun}, {"partitive", kRolePartitive},
      {"clause", kRoleClause},      {"no_one", kRoleNoOne},    {"id_code", kRoleIdCode}};
  for (const TsvRow& row : tsv.rows)
    for (const auto& [name, bit] : kRoles)
      if (row.fields[1] == name) lex->roles[Lower(row.fields[0])] |= bit;
  tsv = {};
  if (Status s = LoadTable("figure_plurals.tsv", 2, &tsv); !s.ok()) return s;
  for (const TsvRow& row : tsv.rows) lex->plurals[std::string(row.fields[0])] = std::string(row.fields[1]);
  tsv = {};
  if (Status s = LoadTable("currencies.tsv", 2, &tsv); !s.ok()) return s;
  for (const TsvRow& row : tsv.rows) {
    std::string code(row.fields[0]);
    if (code == "XXX" || code == "XTS") continue;  // ISO's "no currency" and "testing" codes
    lex->iso_codes[code] = true;
    // The ISO name and its plural follow an amount: "10 canadian dollars".
    std::vector<std::string> name = SplitSpaces(Lower(row.fields[1]));
    if (name.size() < 2) continue;  // one-word names (yen, euro) are aliases
    lex->currencies.Add({name, code, "", "post"});
    name.back() += "s";
    lex->currencies.Add({name, code, "", "post"});
  }
  tsv = {};
  if (Status s = LoadTable("figure_currency_aliases.tsv", 1, &tsv); !s.ok()) return s;
  for (const TsvRow& row : tsv.rows)
    lex->currencies.Add({SplitSpaces(row.fields[0]), std::string(Field(row, 1)),
                         std::string(Field(row, 2)), std::string(Field(row, 3))});
  tsv = {};
  if (Status s = LoadTable("figure_units.tsv", 3, &tsv); !s.ok()) return s;
  for (const TsvRow& row : tsv.rows) {
    PhraseEntry e{SplitSpaces(row.fields[0]), std::string(row.fields[1]), std::string(row.fields[2]), ""};
    e.exact_case = Field(row, 3) == "exact";
    if (!e.exact_case) for (std::string& t : e.tokens) t = Lower(t);
    lex->units.Add(std::move(e));
  }
  tsv = {};
  if (Status s = LoadTable("figure_qualifiers.tsv", 2, &tsv); !s.ok()) return s;
  for (const TsvRow& row : tsv.rows)
    lex->qualifiers.Add({SplitSpaces(row.fields[0]), std::string(row.fields[1]), "", ""});
  tsv = {};
  if (Status s = LoadTable("figure_vague.tsv", 3, &tsv); !s.ok()) return s;
  for (const TsvRow& row : tsv.rows)
    lex->vague.Add({SplitSpaces(row.fields[0]), std::string(row.fields[1]), std::string(row.fields[2]), ""});
  for (const auto& [w, nw] : lex->number_words) lex->starters[w] = true;
  for (const auto& [w, r] : lex->roles)
    if (r & kRoleNegative) lex->starters[w] = true;
  lex->vague.ForEachFirst([lex](const std::string& w) { lex->starters[w] = true; });
  // Only a currency written before its amount starts a figure ("US$ 5",
  // "RUB 5bn"); names that follow one ("5 US dollars") do not.
  lex->currencies.ForEachEntry([lex](const PhraseEntry& e) {
    if (e.c != "post") lex->starters[e.tokens[0]] = true;
  });
  for (std::string_view w : {"a", "an", "half", "quarter", "percent", "per"}) lex->starters[std::string(w)] = true;
  for (std::string_view article : {"a", "an"}) {
    auto add = [lex](const std::string& w) {
      lex->after_article[w] = true;
      lex->after_article_filter.Add(w);
      lex->article_next_hashes.Add(w);
    };
    lex->vague.ForEachSecond(article, add);
    lex->currencies.ForEachSecond(article, add);
  }
  for (const auto& [w, unused] : lex->starters) {
    lex->starter_filter.Add(w);
    lex->starter_hashes.Add(w);
    lex->article_next_hashes.Add(w);
  }
  for (const auto& [w, r] : lex->roles) {
    lex->role_filter.Add(w);
    if (r & kRoleClause) lex->clause_hashes.Add(w);
  }
  for (const auto& [w, unused] : lex->number_words) lex->number_filter.Add(w);
  // After the filters: Number and Role use them.
  lex->currencies.ForEachEntry([lex](const PhraseEntry& e) {
    const std::string& w = e.tokens[0];
    const bool number_like = lex->Number(w) || (w.size() > 2 && w.back() == 's' && lex->Number(w.substr(0, w.size() - 1)));
    static constexpr std::string_view kParserWords[] = {"a",   "an",     "half", "halves", "quarter", "quarters",
                                                        "per", "percent", "and", "point",  "dozen",   "dozens",
                                                        "doz", "dozs",    "of",  "k"};
    bool parser_word = w.find('-') != std::string::npos;
    for (std::string_view p : kParserWords) parser_word = parser_word || w == p;
    if (e.c == "post" || number_like || parser_word || lex->Has(w, kRoleNegative) || lex->vague.Starts(w)) return;
    lex->currency_only_starters[w] = true;
  });
  for (const auto& [w, unused] : lex->starters) {
    const bool currency_only = lex->currency_only_starters.count(w) != 0;
    const auto bits = static_cast<uint8_t>(kStarterWord | (currency_only ? kCurrencyOnlyWord : 0));
    auto [it, fresh] = lex->starter_bits.try_emplace(HashWord(w), w, bits);
    if (!fresh) return Status(ErrorCode::kDataLoadFailed, "figures: two starters with one hash: " + w);
  }
  return Status();
}

}  // namespace communique::internal
