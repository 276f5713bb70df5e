// The Baku 1990 exhibit: it loads cleanly, keeps to the museum's text (every number on
// screen and the survivor's words come from the source), names no missing media, and its
// synthesised reading is captioned word for word and labelled while it plays.

#include <doctest/doctest.h>
#include "support/build_paths.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "captions/caption_loader.h"
#include "media/audio_decoder.h"
#include "exhibit/exhibit_loader.h"

using namespace vitrine;
namespace fs = std::filesystem;

namespace {

const fs::path kExhibit = vitrine::test::sourceDir() / "exhibits/baku-1990/exhibit.xml";
const fs::path kSource = vitrine::test::sourceDir() / "exhibits/baku-1990/source/baku-pogroms-1990.txt";

constexpr Micros kMinimumLength = 8 * 60 * kMicrosPerSecond;
constexpr Micros kMaximumLength = 12 * 60 * kMicrosPerSecond;

const std::string kOpenQuote = "\xE2\x80\x9C";   // “
const std::string kCloseQuote = "\xE2\x80\x9D";  // ”
const std::string kEnDash = "\xE2\x80\x93";      // –, as in "January 14–18"
const std::string kSyntheticLabel = "Synthesised reading";

std::optional<std::string> readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// The museum's text, the one source of every fact on screen; its absence is a failure,
// not a skip, because without it nothing here can be checked.
std::string sourceText() {
    std::optional<std::string> text = readFile(kSource);
    REQUIRE_MESSAGE(text.has_value(), "the exhibit's source text is missing: " << kSource.string());
    return *text;
}

const LoadedExhibit& exhibit() {
    static const LoadedExhibit loaded = loadExhibit(kExhibit);
    return loaded;
}

const Show& show() {
    REQUIRE_MESSAGE(exhibit().show.has_value(), "the exhibit did not compile: " << kExhibit.string());
    return *exhibit().show;
}

// ASCII whitespace runs become one space, without leading or trailing space.
std::string collapseSpace(const std::string& text) {
    std::string out;
    for (char c : text) {
        bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (space) {
            if (!out.empty() && out.back() != ' ') out.push_back(' ');
        } else {
            out.push_back(c);
        }
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

std::string paragraphText(const TextParagraph& p) {
    std::string text;
    for (const auto& run : p.runs) text += run.text;
    return collapseSpace(text);
}

std::vector<std::string> words(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(collapseSpace(text));
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

// Every English paragraph of text shown outside the credits (whose licences and versions are
// not claims about history), with the text item it belongs to. The French beside it is
// checked against the English (baku_1990_french_test.cpp), the English against the source.
struct ShownParagraph {
    std::string text;
    const Item* item;
};
std::vector<ShownParagraph> onScreenParagraphs(const Show& s) {
    std::vector<ShownParagraph> out;
    int credits = s.sceneById("credits");
    for (const auto& item : s.items) {
        if (item.kind != ItemKind::Text || (credits >= 0 && item.scene == credits)) continue;
        for (const auto& p : item.paragraphs)
            if (paragraphLanguage(p, s) == "en") out.push_back({paragraphText(p), &item});
    }
    return out;
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Numbers as written: digit runs joined by a thousands comma ("35,000") or an en dash
// between digits ("14–18"); a suffix such as "s" or "th" is not part of the number.
std::vector<std::string> numericTokens(const std::string& text) {
    std::vector<std::string> out;
    size_t i = 0;
    while (i < text.size()) {
        if (!isDigit(text[i])) {
            ++i;
            continue;
        }
        size_t start = i;
        while (true) {
            while (i < text.size() && isDigit(text[i])) ++i;
            if (i + 1 < text.size() && text[i] == ',' && isDigit(text[i + 1])) {
                ++i;
                continue;
            }
            if (text.compare(i, kEnDash.size(), kEnDash) == 0 && i + kEnDash.size() < text.size() &&
                isDigit(text[i + kEnDash.size()])) {
                i += kEnDash.size();
                continue;
            }
            break;
        }
        out.push_back(text.substr(start, i - start));
    }
    return out;
}

// The one survivor quotation in the source, with its curly quotation marks.
std::string sourceQuotation(const std::string& source) {
    size_t open = source.find(kOpenQuote);
    REQUIRE_MESSAGE(open != std::string::npos, "no “ in the source text");
    size_t close = source.find(kCloseQuote, open);
    REQUIRE_MESSAGE(close != std::string::npos, "no ” after the “ in the source text");
    return source.substr(open, close + kCloseQuote.size() - open);
}

const Item* findItem(const Show& s, ItemKind kind, const std::string& containing = {}) {
    for (const auto& item : s.items) {
        if (item.kind != kind) continue;
        if (containing.empty()) return &item;
        for (const auto& p : item.paragraphs)
            if (paragraphText(p).find(containing) != std::string::npos) return &item;
    }
    return nullptr;
}

// The synthesised reading of the testimony: the exhibit's one sound that is not its audio
// description.
const Item* testimonyReading(const Show& s) {
    for (const auto& item : s.items)
        if (item.kind == ItemKind::Audio && !item.description) return &item;
    return nullptr;
}

// The exhibit's audio description.
const Item* audioDescription(const Show& s) {
    for (const auto& item : s.items)
        if (item.description) return &item;
    return nullptr;
}

// Words for comparing what is said with what is shown: lower-case runs of letters and
// digits (UTF-8 letters kept whole), so punctuation added for the voice does not count.
std::vector<std::string> spokenWords(std::string text) {
    // Typographic marks (’ “ ” — –) part words, as their ASCII kin do.
    for (const char* mark : {"\xE2\x80\x99", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x94", "\xE2\x80\x93"})
        for (std::size_t at; (at = text.find(mark)) != std::string::npos;) text.replace(at, 3, " ");
    std::vector<std::string> out;
    std::string word;
    for (unsigned char c : text + " ") {
        if (std::isalnum(c) || c >= 0x80) {
            word.push_back(static_cast<char>(std::tolower(c)));
        } else if (!word.empty()) {
            out.push_back(word);
            word.clear();
        }
    }
    return out;
}

// Where `needle` first occurs in `haystack` as a run of consecutive words, from `from` on.
std::optional<std::size_t> findWords(const std::vector<std::string>& haystack, const std::vector<std::string>& needle,
                                     std::size_t from) {
    if (needle.empty()) return from;
    auto at = std::search(haystack.begin() + static_cast<std::ptrdiff_t>(std::min(from, haystack.size())),
                          haystack.end(), needle.begin(), needle.end());
    if (at == haystack.end()) return std::nullopt;
    return static_cast<std::size_t>(at - haystack.begin());
}

// The length of a PCM WAV file from its header: the data chunk's size over the byte rate.
std::optional<Micros> wavDuration(const fs::path& file) {
    std::optional<std::string> bytes = readFile(file);
    if (!bytes || bytes->size() < 12 || bytes->compare(0, 4, "RIFF") != 0 || bytes->compare(8, 4, "WAVE") != 0)
        return std::nullopt;
    auto u32 = [&](size_t at) {
        uint32_t v = 0;
        for (int k = 3; k >= 0; --k) v = (v << 8) | static_cast<unsigned char>((*bytes)[at + k]);
        return v;
    };
    uint32_t byteRate = 0;
    for (size_t at = 12; at + 8 <= bytes->size();) {
        std::string id = bytes->substr(at, 4);
        uint32_t size = u32(at + 4);
        if (id == "fmt " && at + 16 <= bytes->size()) byteRate = u32(at + 8 + 8);
        if (id == "data" && byteRate > 0)
            return static_cast<Micros>(static_cast<double>(size) / byteRate * kMicrosPerSecond);
        at += 8 + size + (size & 1);
    }
    return std::nullopt;
}

}  // namespace

TEST_CASE("baku 1990: the exhibit loads with no errors and no warnings") {
    const LoadedExhibit& loaded = exhibit();
    for (const auto& d : loaded.diagnostics.all()) MESSAGE(formatDiagnostic(d));
    CHECK(loaded.diagnostics.errorCount() == 0);
    CHECK(loaded.diagnostics.warningCount() == 0);
    REQUIRE(loaded.script.has_value());
    REQUIRE(loaded.show.has_value());
}

TEST_CASE("baku 1990: loops in 8 to 12 minutes, advisory first, credits last") {
    const Show& s = show();
    CHECK(s.duration >= kMinimumLength);
    CHECK(s.duration <= kMaximumLength);

    // As written: the first and last scenes of the script are the advisory and the credits.
    REQUIRE(exhibit().script.has_value());
    std::vector<std::string> scenes;
    for (const auto& child : exhibit().script->root.children)
        if (child.name == "advisory" || child.name == "scene" || child.name == "credits") scenes.push_back(std::string(child.name));
    REQUIRE(scenes.size() >= 3);
    CHECK(scenes.front() == "advisory");
    CHECK(scenes.back() == "credits");

    // As compiled: the advisory opens the loop and the credits close it.
    REQUIRE(s.scenes.size() >= 3);
    CHECK(s.scenes.front().id == "advisory");
    CHECK(s.scenes.front().begin == 0);
    CHECK(s.scenes.back().id == "credits");
    CHECK(s.scenes.back().end == s.duration);
}

TEST_CASE("baku 1990: the title, subtitle and credit line are the source's") {
    std::string source = sourceText();
    std::vector<ShownParagraph> shown = onScreenParagraphs(show());
    auto onScreen = [&](const std::string& text) {
        return std::any_of(shown.begin(), shown.end(), [&](const ShownParagraph& p) { return p.text == text; });
    };
    for (std::string text : {"The Baku Pogroms of Armenians (January 1990)",
                             "State-Enabled Ethnic Violence During the Collapse of the Soviet Union"}) {
        CAPTURE(text);
        CHECK(source.find(text) != std::string::npos);
        CHECK(onScreen(text));
    }
    CHECK(onScreen("Text: Armenian Genocide Museum of Canada"));
}

TEST_CASE("baku 1990: every number on screen is a number of the source text") {
    std::string source = sourceText();
    std::vector<std::string> sourceNumbers = numericTokens(source);
    std::set<std::string> known(sourceNumbers.begin(), sourceNumbers.end());
    REQUIRE(known.count("35,000") == 1);  // the tokenizer reads the source as intended
    REQUIRE(known.count("14–18") == 1);

    std::set<std::string> seen;
    for (const auto& p : onScreenParagraphs(show())) {
        for (const auto& number : numericTokens(p.text)) {
            seen.insert(number);
            CAPTURE(p.text);
            CAPTURE(number);
            CHECK_MESSAGE(known.count(number) == 1, "a number on screen that the source does not give");
        }
    }
    // The figures the source gives for the population, the dead and the displaced are shown.
    for (std::string figure : {"35,000", "50,000", "90", "250,000", "1988", "1990", "14–18"}) {
        CAPTURE(figure);
        CHECK(seen.count(figure) == 1);
    }
}

TEST_CASE("baku 1990: the survivor's words are quoted exactly as the source gives them") {
    std::string quotation = sourceQuotation(sourceText());
    std::vector<ShownParagraph> shown = onScreenParagraphs(show());
    auto quoted = std::find_if(shown.begin(), shown.end(), [&](const ShownParagraph& p) { return p.text == quotation; });
    REQUIRE_MESSAGE(quoted != shown.end(), "no paragraph on screen is the source's quotation: " << quotation);

    // Anything else on screen that opens with the quotation's first words is a misquotation.
    std::string opening = kOpenQuote + "They came";
    for (const auto& p : shown)
        if (p.text.find(opening) != std::string::npos) CHECK(p.text == quotation);

    // Attributed beside it, for as long as it is shown.
    const Item* attribution = findItem(show(), ItemKind::Text, "A survivor, quoted by the Armenian Genocide Museum of Canada");
    REQUIRE(attribution != nullptr);
    CHECK(attribution->scene == quoted->item->scene);
}

TEST_CASE("baku 1990: every picture, recording and caption file is there or an honest placeholder") {
    const LoadedExhibit& loaded = exhibit();
    CHECK(loaded.mediaMissing.empty());
    const Show& s = show();
    int placeholders = 0;
    for (const auto& item : s.items) {
        CAPTURE(item.where.line);
        if (item.kind == ItemKind::Image) {
            if (item.src.empty()) {
                ++placeholders;
                CHECK_FALSE(item.placeholder.empty());
                // Says what belongs there and that it is still to come, inventing no credit.
                CHECK(item.placeholder.rfind("Photograph: ", 0) == 0);
                CHECK(item.placeholder.find("(to be supplied)") != std::string::npos);
                CHECK(item.credit.empty());
            } else {
                CHECK(fs::exists(item.src));
            }
        }
        if (item.signLanguage) {
            // No interpreter is recorded yet: a labelled stand-in, never a missing file.
            CHECK(item.src.empty());
            CHECK(item.placeholder == "Sign-language video not yet recorded");
            continue;
        }
        if (item.kind == ItemKind::Audio || item.kind == ItemKind::Video || item.kind == ItemKind::Map) {
            CHECK(fs::exists(item.src));
            if (!item.captions.empty()) CHECK(fs::exists(item.captions));
        }
    }
    CHECK(placeholders >= 1);
    CHECK(placeholders <= 3);

    // The credits list every photograph still to be supplied, and the museum's text.
    const Item* credits = findItem(s, ItemKind::Text, "Armenian Genocide Museum of Canada");
    int creditsScene = s.sceneById("credits");
    REQUIRE(creditsScene >= 0);
    std::string creditsText;
    for (int index : s.scenes[creditsScene].items)
        for (const auto& p : s.items[index].paragraphs) creditsText += paragraphText(p) + "\n";
    CHECK(credits != nullptr);
    CHECK(creditsText.find("Armenian Genocide Museum of Canada") != std::string::npos);
    CHECK(creditsText.find("Natural Earth") != std::string::npos);
    CHECK(creditsText.find("Festival") != std::string::npos);
    int pending = 0;
    for (size_t at = creditsText.find("to be supplied"); at != std::string::npos;
         at = creditsText.find("to be supplied", at + 1))
        ++pending;
    CHECK(pending == placeholders);
}

TEST_CASE("baku 1990: the synthesised reading is labelled on screen for as long as it plays") {
    const Show& s = show();
    const Item* reading = testimonyReading(s);
    REQUIRE(reading != nullptr);
    CHECK(reading->role == AudioRole::Speech);
    CHECK(reading->credit.find("Festival") != std::string::npos);
    CHECK(reading->credit.find("stand-in") != std::string::npos);
    std::optional<Micros> length = wavDuration(reading->src);
    REQUIRE_MESSAGE(length.has_value(), "not a PCM WAV file: " << reading->src);
    CHECK(*length > 0);

    const Item* label = findItem(s, ItemKind::Text, kSyntheticLabel);
    REQUIRE(label != nullptr);
    CHECK(paragraphText(label->paragraphs.front()) == "Synthesised reading — a stand-in for a recorded testimony");
    CHECK(label->scene == reading->scene);
    CHECK(label->begin + label->fadeIn <= reading->begin);  // fully visible before the first word
    CHECK(label->end - label->fadeOut >= reading->begin + *length);
    CHECK(label->style.size >= 32);  // a label visitors can read from a distance
}

TEST_CASE("baku 1990: the reading's captions give the quotation's words in order, within the recording") {
    std::string quotation = sourceQuotation(sourceText());
    // The words without the enclosing quotation marks, which captions do not show.
    std::string inner = quotation.substr(kOpenQuote.size(), quotation.size() - kOpenQuote.size() - kCloseQuote.size());

    const Item* reading = testimonyReading(show());
    REQUIRE(reading != nullptr);
    REQUIRE_FALSE(reading->captions.empty());
    Diagnostics diagnostics;
    CaptionTrack track = loadCaptions(reading->captions, diagnostics);
    for (const auto& d : diagnostics.all()) MESSAGE(formatDiagnostic(d));
    CHECK(diagnostics.errorCount() == 0);
    CHECK(diagnostics.warningCount() == 0);
    REQUIRE_FALSE(track.cues.empty());

    std::string captioned;
    for (const auto& cue : track.cues) captioned += cue.plainText() + " ";
    CHECK(words(captioned) == words(inner));

    std::optional<Micros> length = wavDuration(reading->src);
    REQUIRE(length.has_value());
    Micros previousEnd = 0;
    for (const auto& cue : track.cues) {
        CAPTURE(cue.plainText());
        CHECK(cue.start >= previousEnd);  // one caption at a time, in order
        CHECK(cue.end > cue.start);
        CHECK(cue.end <= *length);
        previousEnd = cue.end;
    }
}

TEST_CASE("baku 1990: the audio description reads every text and placeholder on screen, in order") {
    const Show& s = show();
    const Item* description = audioDescription(s);
    REQUIRE(description != nullptr);
    CHECK(description->begin == 0);  // beside the scenes, from the start of the show
    Diagnostics diagnostics;
    CaptionTrack track = loadCaptions(description->captions, diagnostics);
    CHECK(diagnostics.errorCount() == 0);
    REQUIRE_FALSE(track.cues.empty());
    std::string said;
    for (const auto& cue : track.cues) said += cue.plainText() + " ";
    const std::vector<std::string> spoken = spokenWords(said);

    // Each text (the testimony's quotation aside: the reading speaks it) and each photograph
    // placeholder, word for word, in the order the show gives them.
    const std::string quotation = sourceQuotation(sourceText());
    std::size_t position = 0;
    int read = 0;
    for (const auto& shown : onScreenParagraphs(s)) {
        if (shown.text == quotation) continue;
        CAPTURE(shown.text);
        std::optional<std::size_t> at = findWords(spoken, spokenWords(shown.text), position);
        CHECK(at.has_value());
        if (at) position = *at, ++read;
    }
    for (const auto& item : s.items) {
        // The sign-language stand-in is seen only where a site enables the inset, and says
        // nothing of the exhibit: the description does not read it.
        if (item.placeholder.empty() || item.signLanguage) continue;
        CAPTURE(item.placeholder);
        CHECK(findWords(spoken, spokenWords(item.placeholder), 0).has_value());
    }
    CHECK(read > 30);
}

TEST_CASE("baku 1990: the audio description speaks within its sound and never over the testimony") {
    const Show& s = show();
    const Item* description = audioDescription(s);
    REQUIRE(description != nullptr);
    CHECK(description->role == AudioRole::Speech);
    CHECK(description->credit.find("synthesised") != std::string::npos);
    std::optional<Micros> length = probeDuration(description->src);
    REQUIRE(length.has_value());
    CHECK(description->begin + *length <= s.duration);  // heard whole in one pass of the loop

    Diagnostics diagnostics;
    CaptionTrack words = loadCaptions(description->captions, diagnostics);
    const Item* reading = testimonyReading(s);
    REQUIRE(reading != nullptr);
    CaptionTrack testimony = loadCaptions(reading->captions, diagnostics);
    CHECK(diagnostics.errorCount() == 0);
    REQUIRE_FALSE(testimony.cues.empty());
    const Micros readingFrom = reading->begin + testimony.cues.front().start;
    const Micros readingTo = reading->begin + testimony.cues.back().end;
    Micros previousEnd = 0;
    for (const auto& cue : words.cues) {
        CAPTURE(cue.plainText());
        CHECK(cue.start >= previousEnd);
        CHECK(cue.end <= *length);
        const Micros from = description->begin + cue.start, to = description->begin + cue.end;
        CHECK((to <= readingFrom || from >= readingTo));
        previousEnd = cue.end;
    }

    // Labelled as synthesised in the credits.
    std::string creditsText;
    for (int index : s.scenes[s.sceneById("credits")].items)
        for (const auto& p : s.items[index].paragraphs) creditsText += paragraphText(p) + "\n";
    CHECK(creditsText.find("Audio description") != std::string::npos);
}
