#pragma once
// The studio's own file browser, to bring a file into the exhibit: folders to walk through
// and the files in them an exhibit can use (pictures, sounds, clips, captions, maps), with
// their kind and size. It only chooses; the studio copies the chosen file into the exhibit.

#include <filesystem>
#include <optional>
#include <string>

#include "studio/media_catalog.h"

namespace vitrine::studio {

class FileBrowser {
public:
    /// Opens the browser titled `title` in `folder`, showing only files of `only` when given;
    /// `action` names what choosing does ("Import", "Insert").
    void open(std::string title, std::string action, std::filesystem::path folder, std::optional<MediaKind> only = {});
    bool isOpen() const { return open_; }
    /// Draws it while open (a modal window over the studio); the file chosen, once.
    std::optional<std::filesystem::path> draw();
    /// What `open` was given as `only`, for the caller to know what the choice is for.
    std::optional<MediaKind> only() const { return only_; }

private:
    void enter(std::filesystem::path folder);

    std::string title_, action_;
    std::filesystem::path folder_;
    std::optional<MediaKind> only_;
    FolderListing listing_;
    int selected_ = -1;
    bool open_ = false, justOpened_ = false;
};

}  // namespace vitrine::studio
