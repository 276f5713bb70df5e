#pragma once
// The media bin: the exhibit folder's pictures, sounds, clips, caption files and map data,
// each with a thumbnail (pictures and a clip's frame), its size in pixels and bytes and its
// duration, kept up to date by a MediaCatalog. A file is inserted at the playhead by a
// double click, or dragged onto the timeline or the canvas; "Insert" offers the Insert
// menu's commands, "Import…" the file browser. It changes nothing itself: it returns what
// the designer asked for.

#include <SFML/Graphics/Texture.hpp>

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "file_browser.h"
#include "studio/media_catalog.h"

namespace vitrine::studio {

/// What the designer did in the bin this frame.
struct MediaBinRequest {
    std::optional<std::string> insert;  // a file of the bin (relative to the exhibit's folder)
    std::optional<int> command;         // an index into the Insert commands given to draw()
    bool import = false;                // "Import…" was pressed
};

class MediaBinPanel {
public:
    /// The catalog of `folder`, started on first use.
    MediaCatalog& catalog(const std::filesystem::path& folder);
    /// Draws the bin of `folder` in a panel at (x, y), w × h, with `insertCommands` (labels)
    /// in its Insert menu.
    MediaBinRequest draw(const std::filesystem::path& folder, const std::vector<std::string_view>& insertCommands,
                         float x, float y, float w, float h);
    /// The browser that imports and inserts files from outside the exhibit.
    FileBrowser& browser() { return browser_; }

private:
    const sf::Texture* thumbnail(const MediaEntry& entry);

    std::unique_ptr<MediaCatalog> catalog_;
    std::uint64_t seen_ = ~std::uint64_t{0};
    std::vector<MediaEntry> entries_;
    struct Thumbnail {
        std::filesystem::file_time_type modified;
        std::uintmax_t bytes = 0;
        sf::Texture texture;
        bool ok = false;
    };
    std::map<std::string, Thumbnail> thumbnails_;  // by path; made from the PNG when first drawn
    std::string selected_;
    FileBrowser browser_;
};

}  // namespace vitrine::studio
