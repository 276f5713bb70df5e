#include "player/compile_options.h"

#include <array>
#include <memory>
#include <utility>

#include "files/file_version_cache.h"
#include "map/compiled_map.h"
#include "media/audio_decoder.h"
#include "media/media_probe.h"

namespace vitrine {

CompileOptions mediaAwareOptions() {
    CompileOptions o;
    // Audio and video without dur last as long as their files: ask the container, each file
    // once until it changes (a studio reloading on every save would otherwise open them all again).
    auto durations = std::make_shared<FileVersionCache<std::optional<Micros>>>();
    o.mediaDuration = [durations](const std::filesystem::path& p) { return durations->valueFor(p, probeDuration); };
    return map::withMaps(std::move(o));  // maps compiled with the show, their data read once for every reload
}

CompileOptions mediaCheckingOptions() {
    CompileOptions o = mediaAwareOptions();
    // One cache per use: the same file is a different question as a picture, a sound or a clip.
    using Probed = FileVersionCache<std::optional<Diagnostic>>;
    auto probed = std::make_shared<std::array<Probed, 3>>();
    o.probeMedia = [probed](const std::filesystem::path& p, ItemKind kind) {
        const MediaUse use = kind == ItemKind::Image ? MediaUse::Picture
                             : kind == ItemKind::Audio ? MediaUse::Sound
                                                       : MediaUse::Clip;
        return (*probed)[static_cast<std::size_t>(use)].valueFor(
            p, [use](const std::filesystem::path& file) { return probeMedia(file, use); });
    };
    return o;
}

}  // namespace vitrine
