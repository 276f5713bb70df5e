#include "studio/media_catalog.h"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <random>

#include "media/audio_decoder.h"
#include "media/background_thread.h"
#include "media/image_decoder.h"
#include "media/media_file.h"
#include "media/thumbnail_png.h"
#include "media/video_decoder.h"

namespace vitrine::studio {
namespace {

namespace fs = std::filesystem;

constexpr auto kLookAgainEvery = std::chrono::seconds(2);
constexpr int kMaxFiles = 4000;  // a folder holding more is not an exhibit's; the bin stops there

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool hidden(const fs::path& name) { return !name.empty() && name.string().front() == '.'; }

bool sameFile(const MediaFile& a, const MediaFile& b) {
    return a.path == b.path && a.bytes == b.bytes && a.modified == b.modified;
}

// The size a JPEG says it has, read from its first bytes without decoding it.
std::optional<ImageSize> jpegSizeOf(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::vector<std::uint8_t> head(256 * 1024);
    in.read(reinterpret_cast<char*>(head.data()), static_cast<std::streamsize>(head.size()));
    return jpegFrameSize(head.data(), static_cast<std::size_t>(in.gcount()));
}

std::string folderFor(MediaKind kind) {
    switch (kind) {
        case MediaKind::Picture: return "images";
        case MediaKind::Sound: return "audio";
        case MediaKind::Clip: return "video";
        case MediaKind::Captions: return "audio";  // beside the sounds, so a sound finds its captions
        case MediaKind::MapData: return "maps";
    }
    return "media";
}

}  // namespace

std::optional<MediaKind> mediaKindOf(const fs::path& file) {
    static const std::map<std::string, MediaKind> kinds = {
        {".jpg", MediaKind::Picture},  {".jpeg", MediaKind::Picture},   {".png", MediaKind::Picture},
        {".webp", MediaKind::Picture}, {".tif", MediaKind::Picture},    {".tiff", MediaKind::Picture},
        {".bmp", MediaKind::Picture},  {".wav", MediaKind::Sound},      {".ogg", MediaKind::Sound},
        {".opus", MediaKind::Sound},   {".mp3", MediaKind::Sound},      {".flac", MediaKind::Sound},
        {".m4a", MediaKind::Sound},    {".aac", MediaKind::Sound},      {".mp4", MediaKind::Clip},
        {".mov", MediaKind::Clip},     {".mkv", MediaKind::Clip},       {".webm", MediaKind::Clip},
        {".m4v", MediaKind::Clip},     {".avi", MediaKind::Clip},       {".vtt", MediaKind::Captions},
        {".srt", MediaKind::Captions}, {".geojson", MediaKind::MapData},
    };
    auto found = kinds.find(lower(file.extension().string()));
    if (found == kinds.end()) return std::nullopt;
    return found->second;
}

std::string_view mediaKindName(MediaKind kind) {
    switch (kind) {
        case MediaKind::Picture: return "Picture";
        case MediaKind::Sound: return "Sound";
        case MediaKind::Clip: return "Clip";
        case MediaKind::Captions: return "Captions";
        case MediaKind::MapData: return "Map data";
    }
    return "";
}

std::vector<MediaFile> listMediaFiles(const fs::path& folder) {
    std::vector<MediaFile> files;
    std::error_code ec;
    fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec), end;
    for (; !ec && it != end && static_cast<int>(files.size()) < kMaxFiles; it.increment(ec)) {
        const fs::path& p = it->path();
        if (hidden(p.filename())) {
            if (it->is_directory(ec)) it.disable_recursion_pending();
            continue;
        }
        auto kind = mediaKindOf(p);
        if (!kind || !it->is_regular_file(ec)) continue;
        MediaFile f;
        f.path = p.lexically_relative(folder).generic_string();
        f.kind = *kind;
        f.bytes = it->file_size(ec);
        f.modified = it->last_write_time(ec);
        files.push_back(std::move(f));
    }
    std::sort(files.begin(), files.end(), [](const MediaFile& a, const MediaFile& b) {
        return std::pair(a.kind, a.path) < std::pair(b.kind, b.path);
    });
    return files;
}

FolderListing listFolder(const fs::path& folder) {
    FolderListing listing;
    std::error_code ec;
    fs::directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec), end;
    if (ec) listing.problem = "cannot read " + folder.string() + ": " + ec.message();
    for (; !ec && it != end; it.increment(ec)) {
        const fs::path name = it->path().filename();
        if (hidden(name)) continue;
        std::error_code entryError;
        if (it->is_directory(entryError)) {
            listing.folders.push_back(name.string());
        } else if (auto kind = mediaKindOf(name); kind && it->is_regular_file(entryError)) {
            listing.files.push_back({name.string(), *kind, it->file_size(entryError), it->last_write_time(entryError)});
        }
    }
    std::sort(listing.folders.begin(), listing.folders.end());
    std::sort(listing.files.begin(), listing.files.end(), [](const MediaFile& a, const MediaFile& b) { return a.path < b.path; });
    return listing;
}

std::string captionsBeside(const std::vector<MediaFile>& files, const std::string& media) {
    const std::string stem = fs::path(media).replace_extension().generic_string();
    for (const char* extension : {".vtt", ".srt"})
        for (const auto& f : files)
            if (f.kind == MediaKind::Captions && lower(f.path) == lower(stem + extension)) return f.path;
    return {};
}

MediaDetails probeMediaFile(const fs::path& file, MediaKind kind, int thumbnailWidth) {
    MediaDetails details;
    if (kind == MediaKind::Picture) {
        // A JPEG's header gives its size, so a large scan is decoded reduced, for the thumbnail only.
        ImageDecodeOptions options;
        auto jpeg = jpegSizeOf(file);
        if (jpeg) options.drawSize = {thumbnailWidth, thumbnailWidth};
        Result<DecodedImage> decoded = decodeImage(file, options);
        if (!decoded) {
            details.problem = decoded.error().message;
            return details;
        }
        const RgbaImage& image = decoded->image;
        details.width = jpeg ? jpeg->width : image.width;
        details.height = jpeg ? jpeg->height : image.height;
        details.thumbnailPng = thumbnailPng(image.pixels.data(), image.width, image.height, thumbnailWidth);
    } else if (kind == MediaKind::Clip) {
        auto opened = VideoDecoder::open(file, 1);
        if (!opened) {
            details.problem = opened.error().message;
            return details;
        }
        VideoDecoder& video = **opened;
        details.width = video.width();
        details.height = video.height();
        details.duration = video.duration();
        // A frame from the first tenth: the very first is often black.
        if (auto frame = video.frameAt(details.duration ? *details.duration / 10 : 0))
            details.thumbnailPng =
                thumbnailPng(frame->image.pixels.data(), frame->image.width, frame->image.height, thumbnailWidth);
    } else if (kind == MediaKind::Sound) {
        details.duration = probeMediaDuration(file);
        if (!details.duration) details.problem = "not a sound that can be played";
    }
    return details;
}

std::string describeBytes(std::uintmax_t bytes) {
    char out[32];
    if (bytes < 1024) std::snprintf(out, sizeof out, "%ju bytes", bytes);
    else if (bytes < 1024 * 1024) std::snprintf(out, sizeof out, "%.0f KB", bytes / 1024.0);
    else if (bytes < 1024ull * 1024 * 1024) std::snprintf(out, sizeof out, "%.1f MB", bytes / (1024.0 * 1024));
    else std::snprintf(out, sizeof out, "%.2f GB", bytes / (1024.0 * 1024 * 1024));
    return out;
}

MediaCatalog::MediaCatalog(fs::path folder) : folder_(std::move(folder)), worker_([this] { work(); }) {}

MediaCatalog::~MediaCatalog() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    changed_.notify_all();
    worker_.join();
}

void MediaCatalog::refresh() {
    {
        std::lock_guard lock(mutex_);
        ++refreshAsked_;
    }
    changed_.notify_all();
}

std::vector<MediaEntry> MediaCatalog::entries() const {
    std::lock_guard lock(mutex_);
    return entries_;
}

std::uint64_t MediaCatalog::generation() const {
    std::lock_guard lock(mutex_);
    return generation_;
}

bool MediaCatalog::waitUntilCurrent(std::chrono::milliseconds timeout) const {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, timeout, [&] { return refreshDone_ >= refreshAsked_ && !probing_; });
}

void MediaCatalog::work() {
    lowerThisThreadPriority();  // the bin waits; the preview's frames do not
    std::unique_lock lock(mutex_);
    while (!stop_) {
        const std::uint64_t asked = refreshAsked_;
        lock.unlock();
        std::vector<MediaFile> listed = listMediaFiles(folder_);
        lock.lock();
        // Keep what was probed of files unchanged since; new and changed ones wait for a probe.
        std::vector<MediaEntry> next;
        for (auto& f : listed) {
            auto old = std::find_if(entries_.begin(), entries_.end(), [&](const MediaEntry& e) { return sameFile(e.file, f); });
            next.push_back({std::move(f), old != entries_.end() ? old->details : std::nullopt});
        }
        const bool same = next.size() == entries_.size() &&
                          std::equal(next.begin(), next.end(), entries_.begin(), [](const MediaEntry& a, const MediaEntry& b) {
                              return sameFile(a.file, b.file) && a.details.has_value() == b.details.has_value();
                          });
        entries_ = std::move(next);
        if (!same) ++generation_;
        probing_ = true;
        // Probe one file at a time, publishing each as it is done.
        for (;;) {
            auto waiting = std::find_if(entries_.begin(), entries_.end(), [](const MediaEntry& e) { return !e.details; });
            if (waiting == entries_.end() || stop_) break;
            MediaFile file = waiting->file;
            lock.unlock();
            MediaDetails details = probeMediaFile(folder_ / file.path, file.kind, kThumbnailWidth);
            lock.lock();
            for (auto& e : entries_)
                if (sameFile(e.file, file)) e.details = std::move(details);
            ++generation_;
        }
        probing_ = false;
        refreshDone_ = asked;
        changed_.notify_all();
        changed_.wait_for(lock, kLookAgainEvery, [&] { return stop_ || refreshAsked_ != asked; });
    }
}

Result<std::string> importIntoExhibit(const fs::path& source, const fs::path& exhibitFolder) {
    auto kind = mediaKindOf(source);
    if (!kind)
        return Error{source.filename().string() +
                     " is not a kind of file an exhibit uses (pictures, sounds, clips, captions, GeoJSON maps)"};
    std::error_code ec;
    if (!fs::is_regular_file(source, ec)) return Error{"cannot read " + source.string() + ": it is not a file"};
    const fs::path folder = exhibitFolder / folderFor(*kind);
    fs::create_directories(folder, ec);
    if (ec) return Error{"cannot make the folder " + folder.string() + ": " + ec.message()};

    // Copy under a hidden temporary name first; the bin and the player never list it.
    std::random_device entropy;
    const fs::path temporary = folder / (".importing-" + std::to_string(entropy()) + "-" + source.filename().string());
    if (!fs::copy_file(source, temporary, fs::copy_options::none, ec))
        return Error{"cannot copy " + source.string() + " into " + folder.string() + ": " + ec.message()};
    // link() gives the copy its name only if no file has it: never overwrites, even a file
    // another program makes at the same moment.
    const std::string stem = source.stem().string(), extension = source.extension().string();
    for (int n = 1; n < 1000; ++n) {
        const std::string name = n == 1 ? stem + extension : stem + "-" + std::to_string(n) + extension;
        if (::link(temporary.c_str(), (folder / name).c_str()) == 0) {
            fs::remove(temporary, ec);
            return (fs::path(folderFor(*kind)) / name).generic_string();
        }
        if (errno != EEXIST) break;
    }
    const std::string why = std::strerror(errno);
    fs::remove(temporary, ec);
    return Error{"cannot give the copy of " + source.filename().string() + " a name in " + folder.string() + ": " + why};
}

}  // namespace vitrine::studio
