#include "export_job.h"

#include <SFML/Window/Context.hpp>

#include <cstdio>

#include "output/offscreen.h"
#include "player/video_exporter.h"
#include "render/render_resources.h"
#include "storyboard.h"
#include "text/font_library.h"

namespace vitrine::studio {
namespace {

constexpr int kStoryboardColumns = 4;

namespace fs = std::filesystem;

std::optional<std::string> exportStill(const Show& show, const ExportOrder& order) {
    render::RenderResources resources(text::bundledFontsDirectory(), render::RenderResources::maxImageDimensionFor(show.canvas));
    output::OffscreenRenderer still(show, resources,
                                    {static_cast<unsigned>(show.canvas.width), static_cast<unsigned>(show.canvas.height)});
    if (!still.ok()) return std::string("cannot create an off-screen surface to draw the still");
    return output::savePngAtomically(still.renderAt(order.at), order.file);
}

}  // namespace

ExportJob::~ExportJob() {
    cancel_ = true;
    if (worker_.joinable()) worker_.join();
}

bool ExportJob::start(std::shared_ptr<const Show> show, ExportOrder order) {
    if (running_ || !show) return false;
    if (worker_.joinable()) worker_.join();
    order_ = order;
    cancel_ = false;
    done_ = 0;
    total_ = 0;
    {
        std::lock_guard lock(mutex_);
        outcome_.reset();
    }
    running_ = true;
    worker_ = std::thread([this, show = std::move(show), order = std::move(order)] { run(show, order); });
    return true;
}

std::optional<ExportOutcome> ExportJob::takeOutcome() {
    std::lock_guard lock(mutex_);
    std::optional<ExportOutcome> out = std::move(outcome_);
    outcome_.reset();
    return out;
}

bool ExportJob::report(std::int64_t done, std::int64_t total) {
    done_ = done;
    total_ = total;
    return !cancel_;
}

void ExportJob::run(std::shared_ptr<const Show> show, ExportOrder order) {
    // This thread's own GL context: SFML shares textures between contexts, but a context is
    // current on one thread only, and the studio's window keeps its own.
    std::optional<std::string> error;
    {
        sf::Context context;
        std::error_code ec;
        if (order.file.has_parent_path()) fs::create_directories(order.file.parent_path(), ec);
        switch (order.kind) {
            case ExportKind::Still:
                total_ = 1;
                error = exportStill(*show, order);
                if (!error) done_ = 1;
                break;
            case ExportKind::Storyboard:
                error = drawStoryboard(*show, show->title, order.file, kStoryboardColumns,
                                       [this](int done, int total) { return report(done, total); });
                break;
            case ExportKind::Video: {
                render::RenderResources resources(text::bundledFontsDirectory(),
                                                  render::RenderResources::maxImageDimensionFor(show->canvas));
                ExportOptions options;
                options.path = order.file;
                options.from = order.from;
                options.to = order.to;
                error = exportShow(*show, resources, options,
                                   [this](const ExportProgress& p) { return report(p.frame, p.frames); });
                break;
            }
        }
    }
    ExportOutcome outcome;
    outcome.cancelled = cancel_ && error.has_value();
    outcome.ok = !error;
    if (outcome.cancelled) {
        outcome.message = "Export cancelled; nothing was written to " + order.file.string();
    } else if (error) {
        outcome.message = "Could not export " + order.file.filename().string() + ": " + *error;
    } else {
        std::error_code ec;
        auto bytes = fs::file_size(order.file, ec);
        outcome.message = "Exported " + fs::absolute(order.file).string() + (ec ? "" : "  (" + describeSize(bytes) + ")");
    }
    {
        std::lock_guard lock(mutex_);
        outcome_ = std::move(outcome);
    }
    running_ = false;
}

std::string describeSize(std::uintmax_t bytes) {
    char out[32];
    if (bytes >= 1000 * 1000) std::snprintf(out, sizeof out, "%.1f MB", bytes / 1e6);
    else std::snprintf(out, sizeof out, "%.0f KB", std::max<double>(1, bytes / 1e3));
    return out;
}

}  // namespace vitrine::studio
