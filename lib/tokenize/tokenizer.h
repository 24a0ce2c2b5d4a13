// Internal: the surface tokenizer (UD/GUM conventions, see token.h).
#ifndef COMMUNIQUE_LIB_TOKENIZE_TOKENIZER_H_
#define COMMUNIQUE_LIB_TOKENIZE_TOKENIZER_H_

#include <array>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "communique/analysis.h"
#include "communique/status.h"
#include "core/word_filter.h"
#include "tokenize/token_starts.h"

namespace communique::internal {

/// Hash that lets unordered containers of std::string look up string_views.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};
using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;
template <typename V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;

enum class AbbreviationKind : uint8_t { kNone, kTitle, kMonth, kOther, kNumbered };

class Tokenizer {
 public:
  /// Loads abbreviations.tsv, hyphen_prefixes.tsv, number_words.tsv.
  static Result<std::unique_ptr<Tokenizer>> Create();

  /// Tokenizes text[begin, text.size()), appending to out->tokens,
  /// out->norm_pool and out->norm_hashes (HashWord of each norm), and, once
  /// SetStartWords was called, out->token_starts (token_starts.h). Never
  /// fails: invalid bytes become kOther tokens whose norm is U+FFFD. Linear
  /// in the input.
  void Tokenize(std::string_view text, uint32_t begin, Analysis* out) const;
  /// The stages' start words (Stage::AddStartWords): from now on Tokenize
  /// fills Analysis::token_starts. Before the tokenizer is shared.
  void SetStartWords(StartWords words);

  /// Kind of an abbreviation written without its period ("Mr", "U.S").
  AbbreviationKind Abbreviation(std::string_view word) const noexcept;
  bool IsNumberWord(std::string_view lower) const noexcept;

 private:
  Tokenizer() = default;
  struct Cursor;
  uint32_t ScanWord(std::string_view text, uint32_t pos, uint8_t* flags,
                    uint8_t* clitic, int open_single_quotes) const;
  uint32_t ScanNumber(std::string_view text, uint32_t pos, bool line_start) const;
  bool JoinsHyphen(std::string_view left_segment, std::string_view text,
                   uint32_t hyphen) const;
  /// Analysis::norm_pool: from `base` the whole text with ASCII capitals
  /// lowered (the mirror), which is the norm of every ASCII token (its span
  /// moved by `base`: no copy per token); after it the norms of the other
  /// tokens, appended through a cursor with slack, trimmed by Done().
  struct NormPool {
    static constexpr size_t kSlack = 16;
    NormPool(std::string* s, std::string_view text);
    void Reserve(size_t n) {
      if (cap - size < n + kSlack) Grow(n);
    }
    void Grow(size_t n);
    void Done() { str->resize(size); }
    std::string* str;
    char* data = nullptr;
    uint32_t base;  ///< where text[0] is mirrored
    size_t size;    ///< the end of the mirror and the appended norms
    size_t cap = 0;  ///< str->size(), kept here: no load through str per token
  };
  /// Analysis::tokens, norm_hashes and token_starts written by index
  /// through pointers (push_back would load and store each vector's end
  /// through Analysis per token): all grown kChunk at a time, trimmed by
  /// Done(). A chunk's zero-fill stays below glibc's threshold for `rep
  /// stosb` (2 KB).
  struct TokenSink {
    static constexpr size_t kChunk = 96;
    explicit TokenSink(Analysis* analysis);
    void Reserve(size_t k) {
      if (static_cast<size_t>(limit - tok) < k) Grow();
    }
    void Add(const Token& t, uint64_t h, uint8_t starts) {
      *tok++ = t;
      *hash++ = h;
      *start++ = starts;
    }
    void Grow();
    /// Trims the vectors; empties token_starts unless `keep_starts`.
    void Done(bool keep_starts);
    Analysis* a;
    Token* tok;  ///< the next token's place in a->tokens
    Token* limit;
    uint64_t* hash;  ///< the next hash's place in a->norm_hashes
    uint8_t* start;  ///< the next start bits' place in a->token_starts
    bool starts_complete;  ///< a->token_starts covered the tokens before
  };
  uint64_t AppendNorm(std::string_view text, uint32_t begin, uint32_t end, NormPool* pool,
                  Token* token) const;
  /// Appends the plain words (PlainWord16 in tokenizer.cc) from pos: the
  /// first with `flags`, each next one after one space. Returns the end of
  /// the last, or 0 if there is no plain word at pos; sets *rejected to the
  /// start of a word found not plain (ScanWord's to read).
  uint32_t EmitPlainWords(std::string_view text, uint32_t pos, uint8_t flags, uint32_t norm_base,
                          TokenSink* sink, uint32_t* rejected) const;
  bool PeriodEndsWord(std::string_view text, uint32_t pos, uint32_t len, uint8_t flags) const;
  static void NonAsciiNorm(std::string_view text, uint32_t begin, size_t len, NormPool* pool,
                           Token* token);
  /// The TokenStart bits of a token made by Tokenize (norm hash h, norm in
  /// `pool`), whose first byte is `first`.
  uint8_t StartsOf(const Token& t, uint64_t h, uint8_t first, const char* pool) const;

  StringMap<AbbreviationKind> abbreviations_;
  WordFilter abbreviation_filter_;  ///< rejects most words before the map's hash
  StringSet hyphen_prefixes_;
  StringSet number_words_;
  StartWords start_words_;
  /// The start bits of each one-byte ASCII token that EmitPlainWords makes
  /// after a word (a mark): StartsOf as a table.
  std::array<uint8_t, 128> mark_starts_{};
  bool has_start_words_ = false;  ///< SetStartWords was called: Tokenize keeps token_starts
};

}  // namespace communique::internal

#endif  // COMMUNIQUE_LIB_TOKENIZE_TOKENIZER_H_
