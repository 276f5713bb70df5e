#include "player/live_show.h"

#include <algorithm>
#include <utility>

#include "timeline/show_position.h"

namespace vitrine {

Micros samePlace(const Show& old, const Show& now, Micros t) {
    Micros at = std::min(t, std::max<Micros>(0, now.duration - 1));
    if (int scene = old.sceneAt(t); scene >= 0) {
        const auto& was = old.scenes[scene];
        if (int found = now.sceneById(was.id); found >= 0) {
            const auto& is = now.scenes[found];
            at = std::min(is.begin + (t - was.begin), std::max(is.begin, is.end - 1));
        }
    }
    return at;
}

LiveShow::LiveShow(std::shared_ptr<const Show> show, render::RenderResources& resources, Options options)
    : show_(std::move(show)), resources_(resources), options_(std::move(options)) {
    // Faster than real time the sound would be noise.
    if (options_.speed != 1) options_.audio = AudioDevice::Off;
    renderer_ = makeRenderer(*show_);
    audio_ = makeAudio();
    clock_.setRate(options_.speed);
    if (options_.reload)
        reloader_ = std::make_unique<ShowReloader>(
            [load = options_.reload, &resources] {
                ReadyShow ready{load(), nullptr};
                if (ready.loaded) {
                    // The renderer loads the maps on its own worker; waiting for them here spares
                    // the first frame after the swap a wait for a map scene's data.
                    ready.renderer = std::make_unique<render::FrameRenderer>(*ready.loaded->show, resources);
                    ready.renderer->finishPreparing();
                }
                return ready;
            },
            options_.reloadReady);
}

LiveShow::~LiveShow() {
    reloader_.reset();
    // The renderer and the mixer hold the show: they go before it.
    audio_.reset();
    renderer_.reset();
}

std::unique_ptr<render::FrameRenderer> LiveShow::makeRenderer(const Show& show) const {
    // With the resources' kept layouts and meshes: an edit's new show redoes only what changed.
    return std::make_unique<render::FrameRenderer>(show, resources_);
}

std::unique_ptr<AudioLink> LiveShow::makeAudio() const {
    auto audio = std::make_unique<AudioLink>(*show_, options_.audio, options_.audioCapture);
    audio->setMasterGain(options_.volume);
    return audio;
}

void LiveShow::jump(Micros at) {
    clock_.seek(at);
    lastJump_ = at;
}

std::optional<DriftStep> LiveShow::followAudio() {
    auto speakers = audio_->speakerShowTime();
    if (!speakers || clock_.paused()) return std::nullopt;
    auto step = vitrine::followAudio(*show_, clock_.position(), lastJump_, *speakers);
    if (step && step->nudge != 0) clock_.nudge(step->nudge);
    return step;
}

Micros LiveShow::replace(std::shared_ptr<const Show> show, std::unique_ptr<render::FrameRenderer> renderer) {
    audio_.reset();
    renderer_ = renderer ? std::move(renderer) : makeRenderer(*show);
    const std::shared_ptr<const Show> old = std::exchange(show_, std::move(show));
    audio_ = makeAudio();
    // The clock is read only now: stopping and starting the sound output above takes
    // milliseconds, which a place read before it lost at every reload (17 reloads put the
    // show 102 ms behind the wall clock).
    const Micros at = samePlace(*old, *show_, wrapTime(*old, clock_.position()));
    jump(at);
    return at;
}

bool LiveShow::reload() {
    if (!reloader_) return false;
    reloader_->request();
    return true;
}

std::optional<Result<LiveShow::Reload>> LiveShow::takeReload() {
    if (!reloader_) return std::nullopt;
    std::optional<ReadyShow> ready = reloader_->take();
    if (!ready) return std::nullopt;
    // The old show keeps playing when the new one cannot be used.
    if (!ready->loaded) return Result<Reload>(ready->loaded.error());
    const Micros at = replace(std::move(ready->loaded->show), std::move(ready->renderer));
    return Result<Reload>(Reload{at, ready->loaded->advisoryStart});
}

}  // namespace vitrine
