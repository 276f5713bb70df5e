#pragma once
// The media bin's data: the files of an exhibit's folder that an exhibit can use (pictures,
// sounds, clips, caption files, map data), each with its size in bytes and, once probed,
// its size in pixels, its duration and a thumbnail. Probing and thumbnails are made on a
// worker thread of the catalog's own, never on the frame loop; a file is probed again only
// when its size or time of change differ. The folder is listed again every few seconds,
// so files added, changed or removed by any program appear in the bin on their own.

#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "base/error.h"
#include "base/time_value.h"

namespace vitrine::studio {

/// What a file is to an exhibit, by its extension.
enum class MediaKind { Picture, Sound, Clip, Captions, MapData };

/// The kind of `file`, or nullopt when an exhibit cannot use it.
std::optional<MediaKind> mediaKindOf(const std::filesystem::path& file);

/// "Picture", "Sound", ...: for the bin's headings.
std::string_view mediaKindName(MediaKind kind);

/// A usable file in the exhibit's folder.
struct MediaFile {
    std::string path;  // relative to the folder, with '/', as an exhibit's src writes it
    MediaKind kind = MediaKind::Picture;
    std::uintmax_t bytes = 0;
    std::filesystem::file_time_type modified;
};

/// The usable files under `folder` (hidden folders and files skipped), by kind then path.
std::vector<MediaFile> listMediaFiles(const std::filesystem::path& folder);

/// One folder's content as a file browser shows it: its sub-folders and the files in it an
/// exhibit can use, each sorted by name (hidden ones left out).
struct FolderListing {
    std::vector<std::string> folders;
    std::vector<MediaFile> files;  // path: the file's name
    std::string problem;           // why the folder cannot be read, or ""
};
FolderListing listFolder(const std::filesystem::path& folder);

/// The caption file written beside the sound or clip `media` with the same base name
/// ("audio/voice.wav" → "audio/voice.vtt", else "audio/voice.srt"), or "" when there is none.
std::string captionsBeside(const std::vector<MediaFile>& files, const std::string& media);

/// What probing a file found.
struct MediaDetails {
    int width = 0, height = 0;       // pixels of a picture or clip; 0 when not known
    std::optional<Micros> duration;  // of a sound or clip
    std::string thumbnailPng;        // a small PNG of a picture or a clip's frame; "" for others
    std::string problem;             // why it could not be read, or ""
};

/// Reads `file` (of `kind`) through the project's decoders: a picture's size and thumbnail,
/// a clip's size, duration and a frame from its first tenth, a sound's duration.
MediaDetails probeMediaFile(const std::filesystem::path& file, MediaKind kind, int thumbnailWidth);

/// "812 KB", "2.4 MB": a size in bytes for people.
std::string describeBytes(std::uintmax_t bytes);

/// A file of the bin with what is known of it so far.
struct MediaEntry {
    MediaFile file;
    std::optional<MediaDetails> details;  // nullopt until probed
};

/// The exhibit folder's usable files, kept up to date by a worker thread.
class MediaCatalog {
public:
    static constexpr int kThumbnailWidth = 160;

    explicit MediaCatalog(std::filesystem::path folder);
    ~MediaCatalog();
    MediaCatalog(const MediaCatalog&) = delete;
    MediaCatalog& operator=(const MediaCatalog&) = delete;

    const std::filesystem::path& folder() const { return folder_; }
    /// Lists the folder again now (after an import), rather than at the next regular look.
    void refresh();
    /// What is known now: every usable file, probed or not yet.
    std::vector<MediaEntry> entries() const;
    /// Counts changes to entries(): a panel redraws its thumbnails when it moves.
    std::uint64_t generation() const;
    /// Waits until every file listed is probed and the folder was listed after the last
    /// refresh(), or `timeout` passes; true when it is so (for tests and scripts).
    bool waitUntilCurrent(std::chrono::milliseconds timeout) const;

private:
    void work();

    std::filesystem::path folder_;
    mutable std::mutex mutex_;
    mutable std::condition_variable changed_;
    std::vector<MediaEntry> entries_;
    std::uint64_t generation_ = 0;
    std::uint64_t refreshAsked_ = 1, refreshDone_ = 0;
    bool probing_ = true;
    bool stop_ = false;
    std::thread worker_;
};

/// Copies `source` into the exhibit's folder (pictures in images/, sounds in audio/, clips
/// in video/, maps in maps/, captions in audio/) and returns its path relative to the
/// folder. Never overwrites: a name that exists gets "-2", "-3", ... before its extension.
/// The copy is written under a temporary name and linked into place whole, so no one ever
/// sees half a file. An error names the file and why.
Result<std::string> importIntoExhibit(const std::filesystem::path& source, const std::filesystem::path& exhibitFolder);

}  // namespace vitrine::studio
