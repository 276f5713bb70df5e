#pragma once
// What the visitors' page may know of the exhibit: its title and languages, each scene's
// title and on-screen text per language, the captions per language at their show times,
// and the audio-description sound in each language with its times. Built once from the compiled show
// (before the site's language choice: a visitor picks any of the exhibit's languages) and
// served as JSON; nothing else of the exhibit or the installation is published.

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "captions/caption_track.h"
#include "timeline/show.h"

namespace vitrine::visitor {

struct PublishedText {
    std::string json;  // what /text.json serves
    /// The description sounds, served as /sound/N for sounds[N]: the only files the
    /// visitor port reads, named by index, never by a path a client sends.
    std::vector<std::filesystem::path> sounds;
};

/// A caption file read, or nullopt when there is none (injected so tests need no files).
using CaptionReader = std::function<std::optional<CaptionTrack>(const std::filesystem::path&)>;
/// Reads caption files from disk; a missing or unreadable one is none.
std::optional<CaptionTrack> readCaptionFile(const std::filesystem::path& file);

/// Whether a file exists (injected so tests need no files).
using SoundExists = std::function<bool(const std::filesystem::path&)>;
bool isRegularFile(const std::filesystem::path& file);

/// The audio descriptions (Item::description) are published per language, as the player
/// chooses them for a site (player/language_choice.h): "dir/description.fr.ogg" beside
/// "dir/description.ogg" is the French track; a language without its own has the track
/// as written.
PublishedText publishText(const Show& show, const CaptionReader& read = readCaptionFile,
                          const SoundExists& exists = isRegularFile);

}  // namespace vitrine::visitor
