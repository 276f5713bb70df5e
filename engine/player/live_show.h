#pragma once
// The show being played: the compiled show, the renderer that draws it, the mixer that
// sounds it and the clock that says where it is, made and replaced in one order (the
// renderer and the mixer hold the show, so they go before it), and read again keeping the
// place. The player, the studio's preview, the exporter (video_exporter.h, with the clock
// stepped and the sound pulled offline) and stills use this one object; each used to wire its
// own.

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "player/audio_link.h"
#include "player/drift_follower.h"
#include "player/play_clock.h"
#include "player/show_loading.h"
#include "player/show_reloader.h"
#include "render/frame_renderer.h"
#include "render/render_resources.h"
#include "timeline/show.h"

namespace vitrine {

/// Where a show that replaces `old` goes on from `t` (wrapped show time): the same scene at
/// the same offset into it; a scene that is gone keeps the same show time.
Micros samePlace(const Show& old, const Show& now, Micros t);

/// `show` as a LiveShow holds it, without owning it: for a show its caller keeps for the
/// LiveShow's whole life (a still, a storyboard or an export of a show compiled for it).
inline std::shared_ptr<const Show> borrowedShow(const Show& show) { return {std::shared_ptr<const Show>{}, &show}; }

class LiveShow {
public:
    struct Options {
        AudioDevice audio = AudioDevice::Off;
        std::filesystem::path audioCapture;  // a WAV of exactly what was mixed, when set
        double volume = 1;                   // master volume, 0..1
        double speed = 1;                    // show time per real second
        /// Reads the exhibit again, on a worker; unset: reload() is refused.
        std::function<Result<ReloadedShow>()> reload;
        /// Called on the worker when a read ends (a wait to wake).
        std::function<void()> reloadReady;
    };

    /// A finished read, swapped in.
    struct Reload {
        Micros at = 0;             // the place the new show goes on from (already jumped to)
        std::optional<Micros> advisoryStart;
    };

    LiveShow(std::shared_ptr<const Show> show, render::RenderResources& resources, Options options);
    ~LiveShow();
    LiveShow(const LiveShow&) = delete;
    LiveShow& operator=(const LiveShow&) = delete;

    const Show& show() const { return *show_; }
    const std::shared_ptr<const Show>& sharedShow() const { return show_; }
    render::FrameRenderer& renderer() { return *renderer_; }
    AudioLink& audio() { return *audio_; }
    PlayClock& clock() { return clock_; }
    const PlayClock& clock() const { return clock_; }

    /// Moves the show to `at` (clock position), keeping paused or running; the audio drift
    /// is not measured again until the sound has caught up.
    void jump(Micros at);
    /// The clock passed the loop point at `position`: as a jump for the drift follower.
    void looped(Micros position) { lastJump_ = position; }
    /// Measures the drift from the sound at the speakers and steers the clock towards it;
    /// nullopt when there is nothing to measure (paused, silent, just after a jump).
    std::optional<DriftStep> followAudio();

    /// Replaces the show (an edit): a new renderer (or `renderer`, prepared for it) and
    /// mixer, then the show; the clock goes on from the same place (samePlace).
    Micros replace(std::shared_ptr<const Show> show, std::unique_ptr<render::FrameRenderer> renderer = nullptr);

    /// Starts reading the exhibit again (or queues a read behind the one under way); false
    /// when this show was not made from a file it can read again.
    bool reload();
    bool reloading() const { return reloader_ && reloader_->busy(); }
    /// Swaps in a finished read (never waits): where the new show goes on, or why the show
    /// on screen stays; nullopt while none has finished.
    std::optional<Result<Reload>> takeReload();

private:
    std::unique_ptr<render::FrameRenderer> makeRenderer(const Show& show) const;
    std::unique_ptr<AudioLink> makeAudio() const;

    std::shared_ptr<const Show> show_;
    render::RenderResources& resources_;
    Options options_;
    std::unique_ptr<render::FrameRenderer> renderer_;
    std::unique_ptr<AudioLink> audio_;
    PlayClock clock_;
    Micros lastJump_ = 0;  // clock position of the last seek or loop, when drift is transient
    // Last: destroyed first, it waits for a read under way that uses resources_.
    std::unique_ptr<ShowReloader> reloader_;
};

}  // namespace vitrine
