#pragma once
// Reading an exhibit again off the frame loop (remote `reload`): a worker loads, checks
// and compiles it and prepares what its first frame needs (map data), while the loop goes
// on drawing the show on screen; the loop takes the result between two frames. A large
// map took seconds to parse: on the loop, that froze the picture past the watchdog.

#include <functional>
#include <future>
#include <memory>
#include <optional>

#include "player/show_loading.h"
#include "render/frame_renderer.h"

namespace vitrine {

/// A show read again and ready to swap in, or why there is none.
struct ReadyShow {
    Result<ReloadedShow> loaded;
    std::unique_ptr<render::FrameRenderer> renderer;  // for loaded's show, its maps loaded; null without a show
};

/// One read at a time on a worker. A request made while one runs is kept (once) and runs
/// when it ends, and the outdated result is dropped: the newest file wins.
class ShowReloader {
public:
    using Prepare = std::function<ReadyShow()>;

    /// `prepare` runs on the worker: it must touch nothing the frame loop uses. `ready`, when
    /// set, is called on the worker once a read ends (the frame loop's wake, so the new show
    /// is taken at once rather than at the next frame).
    explicit ShowReloader(Prepare prepare, std::function<void()> ready = {});
    /// Waits for a read under way.
    ~ShowReloader();
    ShowReloader(const ShowReloader&) = delete;
    ShowReloader& operator=(const ShowReloader&) = delete;

    /// Starts a read, or queues one behind the read under way.
    void request();
    /// The result of the last read asked for, once it is ready; nothing before (never waits).
    std::optional<ReadyShow> take();
    /// Whether a read is under way.
    bool busy() const { return running_.valid(); }

private:
    void start();

    Prepare prepare_;
    std::function<void()> ready_;
    std::future<ReadyShow> running_;
    bool again_ = false;  // asked for again while running_ reads
};

}  // namespace vitrine
