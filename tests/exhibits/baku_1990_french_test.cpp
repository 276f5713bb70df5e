// The Baku 1990 exhibit in French: every text on screen and every caption has a French
// version, a translation that gives exactly the numbers and dates of the English it stands
// beside (text by text, cue by cue), set in French typography, and the credits say in both
// languages that it is a translation pending the museum's review.

#include <doctest/doctest.h>
#include "support/build_paths.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "captions/caption_loader.h"
#include "exhibit/exhibit_loader.h"
#include "map/compiled_map.h"

using namespace vitrine;
namespace fs = std::filesystem;

namespace {

const fs::path kFolder = vitrine::test::sourceDir() / "exhibits/baku-1990";

const std::string kNoBreakSpace = "\xC2\xA0";         // U+00A0, before a colon
const std::string kNarrowNoBreakSpace = "\xE2\x80\xAF";  // U+202F, before ; ! ?, inside « », in 35 000
const std::string kOpenGuillemet = "\xC2\xAB";        // «
const std::string kCloseGuillemet = "\xC2\xBB";       // »

const Show& show() {
    static const LoadedExhibit loaded = loadExhibit(kFolder / "exhibit.xml");
    REQUIRE_MESSAGE(loaded.show.has_value(), "the exhibit did not compile");
    return *loaded.show;
}

std::string plainText(const std::vector<TextParagraph>& paragraphs) {
    std::string text;
    for (const auto& p : paragraphs) {
        for (const auto& run : p.runs) text += run.text;
        text += "\n";
    }
    return text;
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// A separator between groups of three digits: "35,000", « 35 000 ».
size_t thousandsSeparator(const std::string& text, size_t at) {
    for (const std::string& separator : {std::string(","), kNarrowNoBreakSpace, kNoBreakSpace}) {
        const size_t after = at + separator.size();
        if (text.compare(at, separator.size(), separator) == 0 && after + 3 <= text.size() &&
            std::all_of(text.begin() + static_cast<long>(after), text.begin() + static_cast<long>(after + 3), isDigit) &&
            (after + 3 == text.size() || !isDigit(text[after + 3])))
            return separator.size();
    }
    return 0;
}

// Letters of a word: ASCII, and the two-byte UTF-8 Latin letters French uses (é, ï, œ).
size_t letterLength(const std::string& text, size_t at) {
    const auto c = static_cast<unsigned char>(text[at]);
    if (std::isalpha(c)) return 1;
    if ((c == 0xC3 || c == 0xC5) && at + 1 < text.size()) return 2;
    return 0;
}

int romanValue(const std::string& numeral) {
    const std::map<char, int> values{{'I', 1}, {'V', 5}, {'X', 10}, {'L', 50}, {'C', 100}};
    int total = 0;
    for (size_t i = 0; i < numeral.size(); ++i) {
        const int v = values.at(numeral[i]);
        const bool subtract = i + 1 < numeral.size() && values.at(numeral[i + 1]) > v;
        total += subtract ? -v : v;
    }
    return total;
}

// Whether a number stands just before `begin` or just after `end`, across spaces.
bool besideNumber(const std::string& text, size_t begin, size_t end) {
    auto isSpace = [&](size_t at, bool backwards) -> size_t {
        for (const std::string& space : {std::string(" "), kNoBreakSpace, kNarrowNoBreakSpace}) {
            if (backwards ? at >= space.size() && text.compare(at - space.size(), space.size(), space) == 0
                          : text.compare(at, space.size(), space) == 0)
                return space.size();
        }
        return 0;
    };
    size_t before = begin;
    while (size_t s = isSpace(before, true)) before -= s;
    size_t after = end;
    while (after < text.size())
        if (size_t s = isSpace(after, false)) after += s; else break;
    return (before > 0 && isDigit(text[before - 1])) || (after < text.size() && isDigit(text[after]));
}

// The numbers and dates of a text, as one sorted list that reads the same in English and in
// French: "35,000" and « 35 000 » are 35000, a month is its number ("January" and « janvier »
// are month 1), a French century « XXe » is 20 as "20th" is, and "14–18" is 14 and 18.
std::vector<std::string> numbersAndDates(const std::string& text) {
    static const std::map<std::string, int> months{
        {"january", 1},  {"janvier", 1}, {"february", 2}, {"février", 2},    {"march", 3},     {"mars", 3},
        {"april", 4},    {"avril", 4},   {"may", 5},      {"mai", 5},        {"june", 6},      {"juin", 6},
        {"july", 7},     {"juillet", 7}, {"august", 8},   {"août", 8},       {"september", 9}, {"septembre", 9},
        {"october", 10}, {"octobre", 10}, {"november", 11}, {"novembre", 11}, {"december", 12}, {"décembre", 12}};
    std::vector<std::string> out;
    size_t i = 0;
    while (i < text.size()) {
        if (isDigit(text[i])) {
            std::string digits;
            while (i < text.size()) {
                if (isDigit(text[i])) {
                    digits += text[i++];
                } else if (size_t s = thousandsSeparator(text, i)) {
                    i += s;
                } else {
                    break;
                }
            }
            out.push_back(digits);
        } else if (size_t n = letterLength(text, i)) {
            const size_t start = i;
            std::string word;
            for (; i < text.size() && (n = letterLength(text, i)); i += n) word += text.substr(i, n);
            std::string lower = word;
            for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            // A month is one only in a date, beside a number ("January 13", « 13 janvier »):
            // "You may leave" names no month.
            if (auto m = months.find(lower); m != months.end() && besideNumber(text, start, i)) {
                out.push_back("month " + std::to_string(m->second));
            } else if (word.size() >= 3 && word.back() == 'e' &&
                       word.find_first_not_of("IVXLC") == word.size() - 1) {
                // A century of two numerals or more (« XXe »): one numeral and an e is a
                // word (« Le », « Ce »), and the exhibit names no century before the 11th.
                out.push_back(std::to_string(romanValue(word.substr(0, word.size() - 1))));
            }
        } else {
            ++i;
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

// A text's paragraphs in one language (none when it has no paragraph in it).
std::vector<TextParagraph> inLanguage(const Item& item, const std::string& language) {
    for (const auto& paragraphs : paragraphsByLanguage(item.paragraphs, show().languages.front()))
        if (paragraphLanguage(paragraphs.front(), show()) == language) return paragraphs;
    return {};
}

// What a French text must not hold: an ASCII apostrophe or quotation mark, and punctuation
// without its no-break space (before : ; ! ? », after «).
std::vector<std::string> typographyFaults(const std::string& text) {
    std::vector<std::string> faults;
    auto spaceBefore = [&](size_t at) {
        for (const std::string& space : {kNoBreakSpace, kNarrowNoBreakSpace})
            if (at >= space.size() && text.compare(at - space.size(), space.size(), space) == 0) return true;
        return false;
    };
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\'' || c == '"') faults.push_back("an ASCII " + std::string(1, c) + " at byte " + std::to_string(i));
        // A colon between digits is a time (00:00:01), not French punctuation.
        const bool punctuation = c == ';' || c == '!' || c == '?' || (c == ':' && !(i > 0 && isDigit(text[i - 1])));
        if (punctuation && !spaceBefore(i)) faults.push_back("no no-break space before '" + std::string(1, c) + "'");
        if (text.compare(i, kCloseGuillemet.size(), kCloseGuillemet) == 0 && !spaceBefore(i))
            faults.push_back("no no-break space before »");
        if (text.compare(i, kOpenGuillemet.size(), kOpenGuillemet) == 0) {
            const size_t after = i + kOpenGuillemet.size();
            if (text.compare(after, kNarrowNoBreakSpace.size(), kNarrowNoBreakSpace) != 0 &&
                text.compare(after, kNoBreakSpace.size(), kNoBreakSpace) != 0)
                faults.push_back("no no-break space after «");
        }
    }
    return faults;
}

// Texts that are a proper name only, the same in both languages, written once for both.
bool isLanguageNeutral(const std::string& text) { return text == "— Armenian Genocide Museum of Canada\n"; }

CaptionTrack captionsOf(const fs::path& file) {
    Diagnostics diagnostics;
    CaptionTrack track = loadCaptions(file.string(), diagnostics);
    for (const auto& d : diagnostics.all()) MESSAGE(formatDiagnostic(d));
    CHECK(diagnostics.errorCount() == 0);
    CHECK(diagnostics.warningCount() == 0);
    return track;
}

// The French caption files beside the exhibit's, each with the English file it translates.
std::vector<std::pair<fs::path, fs::path>> frenchCaptionFiles() {
    std::vector<std::pair<fs::path, fs::path>> out;
    for (const auto& entry : fs::recursive_directory_iterator(kFolder)) {
        const std::string name = entry.path().filename().string();
        const std::string suffix = ".fr.vtt";
        if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
            out.push_back({entry.path(), entry.path().parent_path() / (name.substr(0, name.size() - suffix.size()) + ".vtt")});
    }
    std::sort(out.begin(), out.end());
    return out;
}

// Whether the words of `captions` are also heard in French from a sound of their own
// (the described track: description.fr.ogg beside description.vtt). Its cues are timed by
// the French voice, so only their words and numbers follow the English.
bool hasFrenchSound(const fs::path& captions) {
    const std::string prefix = captions.stem().string() + ".fr.";
    for (const auto& entry : fs::directory_iterator(captions.parent_path())) {
        const std::string name = entry.path().filename().string();
        if (name.rfind(prefix, 0) == 0 && entry.path().extension() != ".vtt") return true;
    }
    return false;
}

}  // namespace

TEST_CASE("baku 1990 in French: numbers and dates read alike in both languages") {
    // The reading of numbers this file's checks rest on.
    CHECK(numbersAndDates("from January 13 to 19, 1990") == numbersAndDates("du 13 au 19 janvier 1990"));
    CHECK(numbersAndDates("between 35,000 and 50,000 people") ==
          numbersAndDates("entre 35" + kNarrowNoBreakSpace + "000 et 50" + kNarrowNoBreakSpace + "000 personnes"));
    CHECK(numbersAndDates("in the late 20th century") == numbersAndDates("à la fin du XXe siècle"));
    CHECK(numbersAndDates("January 14–18") == std::vector<std::string>{"14", "18", "month 1"});
    CHECK(numbersAndDates("January 13, 1990") != numbersAndDates("13 février 1990"));
    CHECK(numbersAndDates("35,000") != numbersAndDates("36" + kNarrowNoBreakSpace + "000"));
    CHECK(numbersAndDates("Le pogrom. Ce fut à Bakou") == std::vector<std::string>{});  // no word is a number
    CHECK(numbersAndDates("You may leave") == std::vector<std::string>{});  // a month only in a date
}

TEST_CASE("baku 1990 in French: every text on screen is in French too, with the English text's numbers and dates") {
    const Show& s = show();
    REQUIRE(s.languages == std::vector<std::string>{"en", "fr"});
    int translated = 0;
    for (const auto& item : s.items) {
        if (item.kind != ItemKind::Text) continue;
        const std::string english = plainText(inLanguage(item, "en"));
        const std::string french = plainText(inLanguage(item, "fr"));
        CAPTURE(item.where.line);
        CAPTURE(english);
        CAPTURE(french);
        if (isLanguageNeutral(plainText(item.paragraphs))) continue;
        REQUIRE_FALSE(english.empty());
        REQUIRE_MESSAGE(!french.empty(), "a text on screen with no French");
        CHECK(numbersAndDates(french) == numbersAndDates(english));
        ++translated;
    }
    CHECK(translated >= 40);  // the advisory, the headings, the body, the quotations, the credits
}

TEST_CASE("baku 1990 in French: every caption file has its French, cue for cue, with the English cue's numbers") {
    // Each sound's captions, as the player finds a language's file (name.fr.vtt beside name.vtt).
    int sounds = 0;
    for (const auto& item : show().items) {
        if (item.captions.empty()) continue;
        ++sounds;
        const fs::path written(item.captions);
        CHECK_MESSAGE(fs::exists(written.parent_path() / (written.stem().string() + ".fr.vtt")),
                      "no French captions beside " << written.string());
    }
    CHECK(sounds >= 1);

    const auto files = frenchCaptionFiles();
    REQUIRE(!files.empty());
    for (const auto& [french, english] : files) {
        CAPTURE(french.string());
        REQUIRE_MESSAGE(fs::exists(english), "a French caption file with no English one beside it");
        const CaptionTrack fr = captionsOf(french), en = captionsOf(english);
        REQUIRE(fr.cues.size() == en.cues.size());
        for (size_t i = 0; i < fr.cues.size(); ++i) {
            CAPTURE(en.cues[i].plainText());
            CAPTURE(fr.cues[i].plainText());
            if (!hasFrenchSound(english)) {
                CHECK(fr.cues[i].start == en.cues[i].start);  // shown while the same words are heard
                CHECK(fr.cues[i].end == en.cues[i].end);
            }
            CHECK(numbersAndDates(fr.cues[i].plainText()) == numbersAndDates(en.cues[i].plainText()));
            for (const auto& fault : typographyFaults(fr.cues[i].plainText())) FAIL_CHECK(fault);
        }
    }
}

TEST_CASE("baku 1990 in French: set in French typography") {
    CHECK(typographyFaults("Texte" + kNoBreakSpace + ": " + kOpenGuillemet + kNarrowNoBreakSpace + "mot" +
                           kNarrowNoBreakSpace + kCloseGuillemet + " l’État")
              .empty());
    CHECK(typographyFaults("Texte : « mot » l'État").size() == 4);

    int french = 0;
    for (const auto& item : show().items) {
        if (item.kind != ItemKind::Text) continue;
        const std::string text = plainText(inLanguage(item, "fr"));
        if (text.empty()) continue;
        ++french;
        CAPTURE(text);
        for (const auto& fault : typographyFaults(text)) FAIL_CHECK(fault);
    }
    CHECK(french >= 40);
}

TEST_CASE("baku 1990 in French: the credits say in both languages that the French is a translation pending review") {
    const Show& s = show();
    const int credits = s.sceneById("credits");
    REQUIRE(credits >= 0);
    std::string english, french;
    for (int index : s.scenes[static_cast<size_t>(credits)].items) {
        english += plainText(inLanguage(s.items[static_cast<size_t>(index)], "en"));
        french += plainText(inLanguage(s.items[static_cast<size_t>(index)], "fr"));
    }
    CAPTURE(english);
    CAPTURE(french);
    CHECK(english.find("A translation made for this exhibit,\npending the museum’s review") != std::string::npos);
    CHECK(french.find("Une traduction réalisée pour cette exposition,\nen attente de la révision du musée") !=
          std::string::npos);
}

namespace {

// A text the designer wrote as an attribute, with its French <translation>.
struct TranslatedWords {
    std::string english, french;
    int line = 0;
};

std::string frenchOf(const Translations& translations) {
    for (const auto& t : translations)
        if (t.lang == "fr") return t.text;
    return {};
}

// The exhibit with its maps compiled (their labels are in them).
const Show& showWithMaps() {
    static const LoadedExhibit loaded = loadExhibit(kFolder / "exhibit.xml", map::withMaps());
    REQUIRE_MESSAGE(loaded.show.has_value(), "the exhibit did not compile");
    return *loaded.show;
}

// Every map label, marker label, route label and placeholder of the exhibit.
std::vector<TranslatedWords> translatedWords() {
    std::vector<TranslatedWords> words;
    for (const auto& item : showWithMaps().items) {
        if (!item.placeholder.empty())
            words.push_back({item.placeholder, frenchOf(item.placeholderTranslations), item.where.line});
        if (item.kind != ItemKind::Map) continue;
        REQUIRE_MESSAGE(item.map, "a map compiled without its data: run tools/install-map-data");
        for (const auto& m : item.map->scene.markers)
            if (!m.label.empty()) words.push_back({m.label, frenchOf(m.labelTranslations), m.where.line});
        for (const auto& l : item.map->scene.labels) words.push_back({l.text, frenchOf(l.textTranslations), l.where.line});
        for (const auto& r : item.map->scene.routes)
            if (!r.label.empty()) words.push_back({r.label, frenchOf(r.labelTranslations), r.where.line});
    }
    return words;
}

}  // namespace

TEST_CASE("baku 1990 in French: every map label and placeholder has its French with the English numbers and dates") {
    const auto words = translatedWords();
    int placeholders = 0;
    for (const auto& w : words) {
        CAPTURE(w.line);
        CAPTURE(w.english);
        CAPTURE(w.french);
        REQUIRE_MESSAGE(!w.french.empty(), "a map label or placeholder with no French");
        CHECK(numbersAndDates(w.french) == numbersAndDates(w.english));
        for (const auto& fault : typographyFaults(w.french)) FAIL_CHECK(fault);
        placeholders += w.english.find("to be supplied") != std::string::npos;
    }
    CHECK(words.size() >= 14);  // 12 map labels and markers on two maps, 2 photographs' placeholders
    CHECK(placeholders >= 2);
}
