#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "captions/webvtt_parser.h"
#include "support/in_memory_files.h"
#include "visitor/published_text.h"

using namespace vitrine;
using namespace vitrine::visitor;

namespace {

// An exhibit in English and French: a room with a text in both, and a sound whose caption
// file exists in both, starting 2 s into the scene and 1 s into its file.
const char* kExhibit = R"(<exhibit title="Companion" size="320x180" lang="en fr">
  <scene id="one" title="First room" dur="10s">
    <text><p lang="en">Hello</p><p lang="fr">Bonjour</p></text>
    <audio src="voice.wav" captions="voice.vtt" begin="2s" in="1s" dur="6s"/>
  </scene>
  <scene id="two" title="Second room" dur="5s">
    <text>Only English here</text>
    <audio src="description.wav" begin="1s" dur="3s" role="effect"/>
  </scene>
</exhibit>)";

const std::map<std::string, std::string> kCaptions = {
    {"mem/voice.vtt", "WEBVTT\n\n00:00.000 --> 00:01.500\nBefore the sound starts\n\n"
                      "00:02.000 --> 00:03.000\nThe crossing\n\n00:08.000 --> 00:09.000\nAfter it ends\n"},
    {"mem/voice.fr.vtt", "WEBVTT\n\n00:02.000 --> 00:03.000\nLa traversée\n"},
};

std::optional<CaptionTrack> readFromMemory(const std::filesystem::path& file) {
    auto found = kCaptions.find(file.string());
    if (found == kCaptions.end()) return std::nullopt;
    Diagnostics d;
    return parseWebVtt(found->second, file.string(), d);
}

nlohmann::json published() {
    Diagnostics d;
    Show show = test::compileText(kExhibit, d);
    INFO(d.all().size());
    return nlohmann::json::parse(publishText(show, readFromMemory).json);
}

}  // namespace

TEST_CASE("published text: scenes with their titles, times and on-screen text per language") {
    auto j = published();
    CHECK(j["title"] == "Companion");
    CHECK(j["languages"] == nlohmann::json({"en", "fr"}));
    CHECK(j["duration"].get<double>() == doctest::Approx(15));
    REQUIRE(j["scenes"].size() == 2);
    const auto& one = j["scenes"][0];
    CHECK(one["id"] == "one");
    CHECK(one["title"] == "First room");
    CHECK(one["begin"].get<double>() == doctest::Approx(0));
    CHECK(one["end"].get<double>() == doctest::Approx(10));
    CHECK(one["text"]["en"] == nlohmann::json({"Hello"}));
    CHECK(one["text"]["fr"] == nlohmann::json({"Bonjour"}));
    // A paragraph with no lang is in the exhibit's main language.
    CHECK(j["scenes"][1]["text"]["en"] == nlohmann::json({"Only English here"}));
    CHECK_FALSE(j["scenes"][1]["text"].contains("fr"));
}

TEST_CASE("published text: captions per language at their show times, only while the sound plays") {
    auto j = published();
    const auto& en = j["captions"]["en"];
    // The file's 2 s is show time 2 s (the item's begin) + 2 s - 1 s (its in point) = 3 s.
    // Its first cue falls before the in point but ends after it: cut to the sound's start;
    // the last one falls after the sound ends: unheard, not published.
    REQUIRE(en.size() == 2);
    CHECK(en[0]["start"].get<double>() == doctest::Approx(2));
    CHECK(en[0]["end"].get<double>() == doctest::Approx(2.5));
    CHECK(en[1]["start"].get<double>() == doctest::Approx(3));
    CHECK(en[1]["end"].get<double>() == doctest::Approx(4));
    CHECK(en[1]["text"] == "The crossing");
    const auto& fr = j["captions"]["fr"];
    REQUIRE(fr.size() == 1);
    CHECK(fr[0]["text"] == "La traversée");
    CHECK(fr[0]["start"].get<double>() == doctest::Approx(3));
}

TEST_CASE("published text: the description sound in each language by number, with its times") {
    CHECK(published()["description"].empty());  // a sound that is not a description is not published
    // Described in English (as written) and French (its own file beside it); Armenian has
    // no track of its own and gets the one written.
    const char* described = R"(<exhibit title="Described" size="320x180" lang="en fr hy">
  <audio kind="description" src="description.ogg"/>
  <seq>
    <scene id="one" dur="10s"><text>Hello</text></scene>
  </seq>
</exhibit>)";
    Diagnostics d;
    Show show = test::compileText(described, d);
    const Item* item = nullptr;
    for (const Item& i : show.items)
        if (i.description) item = &i;
    REQUIRE(item);
    const std::filesystem::path english = item->src;
    const std::filesystem::path french = english.parent_path() / "description.fr.ogg";
    auto text = publishText(show, readFromMemory, [&](const std::filesystem::path& f) { return f == french; });
    auto j = nlohmann::json::parse(text.json);
    REQUIRE(text.sounds.size() == 2);
    CHECK(text.sounds[0] == english);
    CHECK(text.sounds[1] == french);
    REQUIRE(j["description"]["en"].size() == 1);
    CHECK(j["description"]["en"][0]["src"] == "/sound/0");
    CHECK(j["description"]["fr"][0]["src"] == "/sound/1");
    CHECK(j["description"]["hy"][0]["src"] == "/sound/0");
    CHECK(j["description"]["fr"][0]["begin"].get<double>() == doctest::Approx(item->begin / 1e6));
    CHECK(j["description"]["fr"][0]["end"].get<double>() == doctest::Approx(item->activeEnd / 1e6));
    CHECK(j["description"]["fr"][0]["end"].get<double>() > 0);
}
