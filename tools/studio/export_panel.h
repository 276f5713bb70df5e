#pragma once
// File ▸ Export…: a still of the playhead's frame, a storyboard of every scene, or an MP4
// of the whole show or a range; where it goes; a progress bar and Cancel while it runs; and
// where the last one went. It returns what the designer asked for; the studio runs it.

#include <filesystem>
#include <optional>
#include <string>

#include "export_job.h"
#include "studio/studio_document.h"

namespace vitrine::studio {

/// What the designer asked for in the export window this frame.
struct ExportPanelRequest {
    std::optional<ExportKind> start;  // export `file` now
    std::string file;
    std::string from, to;  // a video's range as positions (TIME, SCENE, SCENE+TIME); empty: the whole show
    bool cancel = false;
};

/// The file an export of `kind` goes to by default: the exhibit's exports/ folder, named
/// after the exhibit ("baku-1990-still.png", "baku-1990-storyboard.png", "baku-1990.mp4").
std::filesystem::path defaultExportFile(const std::filesystem::path& exhibit, ExportKind kind);

class ExportPanel {
public:
    bool isOpen() const { return open_; }
    /// Opens the window on `kind`.
    void open(ExportKind kind);
    /// Where the last export went, or why it did not, shown under the button.
    void setLastOutcome(const ExportOutcome& outcome) { last_ = outcome; }

    /// Draws the window when open (always while `job` runs); `playhead` is the still's instant.
    ExportPanelRequest draw(const StudioDocument& doc, const ExportJob& job, Micros playhead);

private:
    bool open_ = false;
    bool placed_ = false;
    ExportKind kind_ = ExportKind::Still;
    std::string file_;
    std::filesystem::path fileFor_;  // the exhibit `file_` was made for
    bool wholeShow_ = true;
    std::string from_, to_;
    std::optional<ExportOutcome> last_;
};

}  // namespace vitrine::studio
