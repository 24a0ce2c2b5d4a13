// Analyzer, Session, options and bad input.
#include <doctest/doctest.h>

#include <thread>

#include <nlohmann/json.hpp>

#include "test_util.h"

using communique::Analyzer;
using communique::ErrorCode;
using communique::Options;
using communique::Utf8Policy;

TEST_SUITE("analyzer") {
  TEST_CASE("options out of range are rejected") {
    Options o;
    o.max_document_bytes = 0;
    auto r = Analyzer::Create(o);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == ErrorCode::kInvalidOptions);
    o = Options{};
    o.max_sentence_tokens = 2;
    CHECK(Analyzer::Create(o).status().code() == ErrorCode::kInvalidOptions);
    o = Options{};
    o.max_document_bytes = 1ull << 40;
    CHECK(Analyzer::Create(o).status().code() == ErrorCode::kInvalidOptions);
  }

  TEST_CASE("strict UTF-8 reports the first bad byte") {
    std::string t = "Good text \xC3\x28 bad";
    auto r = communique::testing::DefaultAnalyzer()->Analyze(t);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == ErrorCode::kInvalidUtf8);
    CHECK(r.status().offset() == 10);
  }

  TEST_CASE("strict UTF-8 accepts two- and three-byte characters and finds bad ones among them") {
    auto analyzer = communique::testing::DefaultAnalyzer();
    CHECK(analyzer->Analyze("caf\xC3\xA9 \xE2\x80\x94 \xE2\x80\x9Cquoted\xE2\x80\x9D \xED\x9F\xBF").ok());
    struct Case { std::string text; size_t offset; };
    const Case cases[] = {
        {"ab \xE2\x80\x94 \xED\xA0\x80 surrogate", 7},  // U+D800
        {"ab \xC3\xA9 \xE0\x80\x80 overlong", 6},         // three bytes for U+0000
        {"ab \xC1\xBF overlong", 3},                      // two bytes for U+007F
        {"ab \xC3\xA9 \xC3 lone lead", 6},
        {"ab \xE2\x80 truncated", 3},
        {"ends in a lead \xE2\x80", 15},
        {"\xE2\x80\x94\xF0\x9F\x98\x80\xF4\x90\x80\x80 beyond U+10FFFF", 7},
    };
    for (const Case& c : cases) {
      auto r = analyzer->Analyze(c.text);
      REQUIRE_FALSE(r.ok());
      CHECK(r.status().offset() == c.offset);
    }
  }

  TEST_CASE("strict UTF-8 finds a bad byte at any offset of a long ASCII text") {
    // The ASCII runs are skipped in blocks: a bad byte in any place of a
    // block, and after a valid character in one, must still be found.
    auto analyzer = communique::testing::DefaultAnalyzer();
    for (size_t pos = 0; pos < 80; ++pos) {
      for (size_t tail : {size_t{0}, size_t{5}, size_t{40}}) {
        std::string t = std::string(pos, 'a') + "\xFF" + std::string(tail, 'b');
        CHECK(analyzer->Analyze(t).status().offset() == pos);
        if (pos >= 3) {
          t.replace(pos / 2, 2, "\xC3\xA9");  // a valid character before the bad byte
          CHECK(analyzer->Analyze(t).status().offset() == pos);
        }
      }
      CHECK(analyzer->Analyze(std::string(pos, 'a') + "\xC3\xA9" + std::string(pos, 'b')).ok());
    }
  }

  TEST_CASE("replace policy analyses bad bytes as U+FFFD without moving offsets") {
    Options o;
    o.utf8_policy = Utf8Policy::kReplace;
    auto analyzer = Analyzer::Create(o).value();
    std::string t = "Bad \xFF\xFE bytes and \xE2\x82 truncated.";
    auto a = analyzer->Analyze(t).value();
    int invalid = 0;
    for (const auto& d : a.diagnostics) invalid += d.code == ErrorCode::kInvalidUtf8;
    CHECK(invalid == 3);
    CHECK(a.diagnostics[0].span.begin == 4);
    CHECK(communique::Slice(t, a.tokens.back().span) == ".");
    std::string json;
    communique::AppendJson(a, t, {}, &json);
    CHECK_FALSE(nlohmann::json::parse(json, nullptr, false).is_discarded());
  }

  TEST_CASE("utf8_checked skips the UTF-8 pass: same records, and bad bytes still analysed as U+FFFD") {
    auto analyzer = communique::testing::DefaultAnalyzer();  // kStrict
    communique::Session session = analyzer->NewSession();
    const std::string good = "Caf\xC3\xA9 owners said \xE2\x80\x9Cno\xE2\x80\x9D on 2 August 2021.";
    communique::DocumentInfo info;
    communique::Analysis checked, unchecked;
    REQUIRE(session.Analyze(good, info, &unchecked).ok());
    info.utf8_checked = true;
    REQUIRE(session.Analyze(good, info, &checked).ok());
    std::string a, b;
    communique::AppendJson(unchecked, good, {true, false}, &a);
    communique::AppendJson(checked, good, {true, false}, &b);
    CHECK(a == b);
    // A caller that sets the flag wrongly gets no error and no diagnostic,
    // but the bytes are still analysed (and written) as U+FFFD.
    const std::string bad = "Bad \xFF\xFE bytes and \xE2\x82 truncated.";
    communique::Analysis wrong;
    REQUIRE(session.Analyze(bad, info, &wrong).ok());
    CHECK(wrong.diagnostics.empty());
    CHECK(communique::Slice(bad, wrong.tokens.back().span) == ".");
    std::string json;
    communique::AppendJson(wrong, bad, {true, false}, &json);
    CHECK_FALSE(nlohmann::json::parse(json, nullptr, false).is_discarded());
  }

  TEST_CASE("empty input, BOM, NUL bytes") {
    auto a = communique::testing::AnalyzeOk("");
    CHECK(a.tokens.empty());
    CHECK(a.sentences.empty());
    CHECK(a.diagnostics.empty());
    std::string bom = "\xEF\xBB\xBFHello there.";
    a = communique::testing::AnalyzeOk(bom);
    REQUIRE(a.tokens.size() == 3);
    CHECK(a.tokens[0].span.begin == 3);
    std::string nul("Ab\0cd.", 6);
    a = communique::testing::AnalyzeOk(nul);
    CHECK(a.tokens.size() == 3);
    REQUIRE(a.diagnostics.size() == 1);
    CHECK(a.diagnostics[0].code == ErrorCode::kNulByte);
  }

  TEST_CASE("documents over max_document_bytes fail before any work") {
    Options o;
    o.max_document_bytes = 10;
    auto analyzer = Analyzer::Create(o).value();
    auto r = analyzer->Analyze("This text is longer than ten bytes.");
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == ErrorCode::kInputTooLarge);
  }

  TEST_CASE("a 100 MB single-line document") {
    std::string big;
    big.reserve((100u << 20) + 64);
    size_t phrases = 0;
    for (; big.size() < (100u << 20); ++phrases) big += "cyber threats to arms control systems ";
    // Default options: over the 64 MiB default limit.
    auto r = communique::testing::DefaultAnalyzer()->Analyze(big);
    CHECK(r.status().code() == ErrorCode::kInputTooLarge);
    // Raised limit: analysed, with sentences cut at max_sentence_tokens.
    Options o;
    o.max_document_bytes = 128u << 20;
    o.times = o.figures = o.entities = o.quotes = false;
    auto analyzer = Analyzer::Create(o).value();
    communique::Session session = analyzer->NewSession();
    communique::Analysis a;
    REQUIRE(session.Analyze(big, {}, &a).ok());
    CHECK(a.tokens.size() == 6 * phrases);
    CHECK(a.sentences.size() == (a.tokens.size() + o.max_sentence_tokens - 1) / o.max_sentence_tokens);
  }

  TEST_CASE("a Session keeps its Analyzer alive and reuses an Analysis") {
    communique::Session session = Analyzer::Create({}).value()->NewSession();
    communique::Analysis a;
    REQUIRE(session.Analyze("One. Two.", {}, &a).ok());
    CHECK(a.sentences.size() == 2);
    REQUIRE(session.Analyze("Three.", {"doc-2", {}}, &a).ok());
    CHECK(a.sentences.size() == 1);
    CHECK(a.id == "doc-2");
    CHECK(session.Analyze("x", {}, nullptr).code() == ErrorCode::kInvalidArgument);
  }

  TEST_CASE("two Sessions on one thread keep their buffers apart") {
    // Each Session keeps its stages' buffers between documents; documents
    // of different sizes, alternated between two Sessions, give what a new
    // Session gives.
    auto analyzer = communique::testing::DefaultAnalyzer();
    std::string tass = communique::testing::ReadFile(COMMUNIQUE_CORPORA_DIR "/press/tass-2021-08-02-antonov-cyber.txt");
    REQUIRE_FALSE(tass.empty());
    std::string long_text;
    for (int i = 0; i < 50; ++i) long_text += tass + "\n\n";
    const std::string short_text = "On Monday, Foreign Minister Sergey Lavrov said 12 envoys met in Paris.";
    auto json = [](const communique::Analysis& a, std::string_view text) {
      std::string out;
      communique::AppendJson(a, text, {true, false}, &out);
      return out;
    };
    const std::string* texts[] = {&long_text, &short_text, &tass};
    std::vector<std::string> fresh;
    for (const std::string* t : texts) fresh.push_back(json(analyzer->Analyze(*t).value(), *t));
    CHECK(fresh[1].find("Lavrov") != std::string::npos);
    communique::Session one = analyzer->NewSession(), two = analyzer->NewSession();
    communique::Analysis a;
    for (int round = 0; round < 2; ++round)
      for (size_t k = 0; k < 3; ++k) {
        communique::Session& s = (k + static_cast<size_t>(round)) % 2 == 0 ? one : two;
        REQUIRE(s.Analyze(*texts[k], {}, &a).ok());
        CHECK(json(a, *texts[k]) == fresh[k]);
      }
  }

  TEST_CASE("threads sharing one Analyzer get identical results") {
    auto analyzer = communique::testing::DefaultAnalyzer();
    std::string t = communique::testing::ReadFile(COMMUNIQUE_CORPORA_DIR "/press/tass-2021-08-02-antonov-cyber.txt");
    REQUIRE_FALSE(t.empty());
    std::string reference;
    communique::AppendJson(analyzer->Analyze(t).value(), t, {true, false}, &reference);
    std::vector<std::string> outputs(4);
    std::vector<std::thread> threads;
    for (size_t i = 0; i < outputs.size(); ++i)
      threads.emplace_back([&, i] {
        communique::Session s = analyzer->NewSession();
        communique::Analysis a;
        for (int k = 0; k < 5; ++k) {
          outputs[i].clear();
          if (s.Analyze(t, {}, &a).ok()) communique::AppendJson(a, t, {true, false}, &outputs[i]);
        }
      });
    for (auto& th : threads) th.join();
    for (const auto& o : outputs) CHECK(o == reference);
  }
}

TEST_SUITE("spans") {
  TEST_CASE("Slice clamps; code point and UTF-16 offsets") {
    std::string t = "Re\xCC\x81sume\xCC\x81 \xF0\x9F\x98\x80!";
    CHECK(communique::Slice(t, {0, 2}) == "Re");
    CHECK(communique::Slice(t, {5, 100}) == t.substr(5));
    CHECK(communique::Slice(t, {100, 200}).empty());
    CHECK(communique::CodePointOffset(t, t.size()) == 11);  // R e U+0301 s u m e U+0301 space U+1F600 !
    CHECK(communique::Utf16Offset(t, t.size()) == 12);  // the emoji is a surrogate pair
  }

  TEST_CASE("Status text names code and offset") {
    communique::Status s(ErrorCode::kInvalidUtf8, "bad byte", 17);
    CHECK(s.ToString() == "invalid_utf8 at byte 17: bad byte");
    CHECK(communique::Status().ok());
    CHECK(communique::CivilDate::Parse("2021-02-29") == std::nullopt);
    CHECK(communique::CivilDate::Parse("2020-02-29")->ToString() == "2020-02-29");
    CHECK(communique::CivilDate{7, 1, 2}.ToString() == "0007-01-02");
    CHECK(communique::CivilDate{9999, 12, 31}.ToString() == "9999-12-31");
    CHECK(communique::CivilDate{-44, 3, 15}.ToString() == "-0044-03-15");
    CHECK(communique::CivilDate{12345, 6, 7}.ToString() == "+12345-06-07");
    CHECK(communique::CivilDate{2020, 200, 7}.ToString() == "2020-200-07");
  }
}

TEST_SUITE("json") {
  TEST_CASE("a figure too large for a double is written as null, keeping the JSON valid") {
    std::string t = "They sent up to 1e688 requests and 35 appeals.";
    auto a = communique::testing::AnalyzeOk(t);
    std::string json;
    communique::AppendJson(a, t, {}, &json);
    auto parsed = nlohmann::json::parse(json, nullptr, false);
    REQUIRE_FALSE(parsed.is_discarded());
    bool saw_35 = false;
    for (const auto& f : parsed["figures"]) saw_35 = saw_35 || f["value"] == 35;
    CHECK(saw_35);
  }

  TEST_CASE("strings keep well-formed characters and escape the rest") {
    // Long enough for the 16-byte blocks, with escapes among multi-byte characters.
    const std::string id =
        "caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D \"q\" back\\slash\ttab\x01 "
        "\xF0\x9F\x98\x80 bad\xFF\xE2\x80 end\xC3\xA9";
    std::string json;
    communique::AppendErrorJson(id, communique::Status(ErrorCode::kInternal, "m"), "s", &json);
    CHECK(json.substr(0, json.find(",\"error\"")) ==
          "{\"id\":\"caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D \\\"q\\\" back\\\\slash\\ttab\\u0001 "
          "\xF0\x9F\x98\x80 bad\\ufffd\\ufffd end\xC3\xA9\"");
  }

  TEST_CASE("enum names are the public name functions', for every value of each enum") {
    // The writer copies names from tables made from these functions; values
    // past the last named one take the functions' fallback names.
    const std::string text = "Some text.";
    const communique::Span span{0, 4};
    communique::Analysis a;
    for (int v = 0; v < 256; ++v) {
      const auto b = static_cast<uint8_t>(v);
      communique::TimeExpression t;
      t.span = span;
      t.type = static_cast<communique::TimeType>(b);
      a.times.push_back(t);
      communique::Figure f;
      f.span = span;
      f.kind = static_cast<communique::FigureKind>(b);
      f.bound = static_cast<communique::FigureBound>(b);
      a.figures.push_back(f);
      communique::Entity e;
      e.type = static_cast<communique::EntityType>(b);
      e.mentions.push_back({span, static_cast<communique::MentionVia>(b), {}});
      a.entities.push_back(e);
      communique::Quote q;
      q.span = span;
      q.kind = static_cast<communique::QuoteKind>(b);
      a.quotes.push_back(q);
      communique::Claim c;
      c.span = span;
      c.kind = static_cast<communique::QuoteKind>(b);
      a.claims.push_back(c);
    }
    std::string json;
    communique::AppendJson(a, text, {}, &json);
    auto parsed = nlohmann::json::parse(json, nullptr, false);
    REQUIRE_FALSE(parsed.is_discarded());
    for (size_t v = 0; v < 256; ++v) {
      CAPTURE(v);
      CHECK(parsed["times"][v]["type"] == communique::TimeTypeName(a.times[v].type));
      CHECK(parsed["figures"][v]["kind"] == communique::FigureKindName(a.figures[v].kind));
      if (a.figures[v].bound != communique::FigureBound::kExact)
        CHECK(parsed["figures"][v]["bound"] == communique::FigureBoundName(a.figures[v].bound));
      CHECK(parsed["entities"][v]["type"] == communique::EntityTypeName(a.entities[v].type));
      CHECK(parsed["entities"][v]["mentions"][0]["via"] ==
            communique::MentionViaName(a.entities[v].mentions[0].via));
      CHECK(parsed["quotes"][v]["kind"] == communique::QuoteKindName(a.quotes[v].kind));
      CHECK(parsed["claims"][v]["kind"] == communique::QuoteKindName(a.claims[v].kind));
    }
  }

  TEST_CASE("span texts of every length, near the end of the text and with escapes") {
    const std::string text = "He said \"no\" to caf\xC3\xA9 owners, then left.\n\"Yes\"\tend";
    communique::Analysis a;
    for (uint32_t begin = 0; begin < text.size(); ++begin) {
      for (uint32_t end = begin + 1; end <= text.size() && end <= begin + 20; ++end) {
        communique::TimeExpression t;
        t.span = {begin, end};
        a.times.push_back(t);
      }
    }
    for (communique::Span empty : {communique::Span{2, 2}, communique::Span{500, 600}}) {
      communique::TimeExpression t;
      t.span = empty;  // written as "" (Slice clamps)
      a.times.push_back(t);
    }
    std::string json;
    communique::AppendJson(a, text, {}, &json);
    auto parsed = nlohmann::json::parse(json, nullptr, false);
    REQUIRE_FALSE(parsed.is_discarded());
    REQUIRE(parsed["times"].size() == a.times.size());
    for (size_t i = 0; i < a.times.size(); ++i) {
      // A slice that cuts a character in two is written as U+FFFD.
      std::string slice(communique::Slice(text, a.times[i].span));
      if (slice.find('\xC3') != std::string::npos && slice.find("\xC3\xA9") == std::string::npos) continue;
      if (slice.find('\xA9') != std::string::npos && slice.find("\xC3\xA9") == std::string::npos) continue;
      CHECK(parsed["times"][i]["text"].get<std::string>() == slice);
    }
  }

  TEST_CASE("strings of escapes in every field, appended after earlier output") {
    // Each record reserves room for its strings as they are; the escapes
    // (six bytes for one) must widen it, in every field and span text.
    const std::string esc = std::string(300, '\x01') + "\"\\\xFF" + std::string(40, '\x1F');
    const std::string text = esc + esc + esc;
    const communique::Span all{0, static_cast<uint32_t>(text.size())};
    const communique::Span part{5, 380};
    communique::Analysis a;
    a.id = esc;
    a.header.place = esc;
    a.header.source = esc;
    a.header.metadata = a.header.dateline = a.header.place_span = part;
    a.header.source_span = a.header.dateline_date = all;
    a.turns.push_back({part, all, esc, true});
    communique::TimeExpression t;
    t.span = all;
    t.value = t.range_begin = t.range_end = t.quant = t.freq = esc;
    a.times.push_back(t);
    communique::Figure f;
    f.span = f.unit_span = f.number = f.bound_span = part;
    f.exact = f.unit = f.currency = esc;
    a.figures.push_back(f);
    communique::Entity e;
    e.name = e.code = e.title = e.affiliation = e.posted_to = esc;
    e.mentions.push_back({all, communique::MentionVia::kName, part});
    e.mentions.push_back({part, communique::MentionVia::kTitle, all});
    a.entities.push_back(e);
    communique::Quote q;
    q.span = q.speaker_mention = q.cue = all;
    q.cue_lemma = esc;
    a.quotes.push_back(q);
    communique::Claim c;
    c.span = c.cue = all;
    c.stated_on = c.about = c.hedge = esc;
    c.figures = c.times = c.entities = c.restates = std::vector<uint32_t>(50, 4294967295u);
    a.claims.push_back(c);
    a.diagnostics.push_back({ErrorCode::kInternal, all, esc});
    a.norm_pool = esc;
    a.tokens.push_back({});
    a.tokens.back().span = all;
    a.tokens.back().norm = {0, static_cast<uint32_t>(esc.size())};
    std::string json = "earlier output\n";
    for (int round = 0; round < 2; ++round) {
      json.resize(json.rfind('\n') + 1);
      communique::AppendJson(a, text, {true, false}, &json);
      auto parsed = nlohmann::json::parse(json.substr(json.rfind('\n') + 1), nullptr, false);
      REQUIRE_FALSE(parsed.is_discarded());
      // Ill-formed bytes are written as U+FFFD.
      std::string fixed = esc;
      fixed.replace(fixed.find('\xFF'), 1, "\xEF\xBF\xBD");
      std::string fixed_text;
      for (int k = 0; k < 3; ++k) fixed_text += fixed;
      CHECK(parsed["id"] == fixed);
      CHECK(parsed["document"]["source"] == fixed);
      CHECK(parsed["document"]["dateline_date"]["text"] == fixed_text);
      CHECK(parsed["turns"][0]["speaker"] == fixed);
      CHECK(parsed["tokens"][0]["norm"] == fixed);
      CHECK(parsed["times"][0]["freq"] == fixed);
      CHECK(parsed["figures"][0]["currency"] == fixed);
      CHECK(parsed["entities"][0]["posted_to"] == fixed);
      CHECK(parsed["entities"][0]["mentions"][1]["with_title"]["text"] == fixed_text);
      CHECK(parsed["quotes"][0]["cue_lemma"] == fixed);
      CHECK(parsed["claims"][0]["hedge"] == fixed);
      CHECK(parsed["claims"][0]["restates"].size() == 50);
      CHECK(parsed["diagnostics"][0]["message"] == fixed);
    }
    CHECK(json.rfind("earlier output\n", 0) == 0);
  }

  TEST_CASE("integers are written with every digit at each length") {
    const long long values[] = {0,        7,         10,         99,          100,        999,
                                1000,     9999,      10000,      99999,       100000,     999999,
                                1000000,  9999999,   10000000,   99999999,    100000000,  4294967295,
                                12345678, 87654321,  -1,         -99999999,   123456789012345};
    communique::Analysis a;
    for (long long v : values) {
      communique::Figure f;
      f.value = static_cast<double>(v);
      a.figures.push_back(f);
    }
    // Span offsets and indices take the same path as integral values.
    communique::Sentence sentence;
    sentence.span = {99999999, 100000000};
    sentence.paragraph = 12345;
    a.sentences.push_back(sentence);
    std::string json;
    communique::AppendJson(a, "", {}, &json);
    auto parsed = nlohmann::json::parse(json, nullptr, false);
    REQUIRE_FALSE(parsed.is_discarded());
    REQUIRE(parsed["figures"].size() == std::size(values));
    for (size_t i = 0; i < std::size(values); ++i) {
      CAPTURE(values[i]);
      CHECK(parsed["figures"][i]["value"].dump() == std::to_string(values[i]));
    }
    CHECK(json.find(R"("sentences":[{"begin":99999999,"end":100000000,"paragraph":12345}])") !=
          std::string::npos);
  }
}
