#pragma once
// Where the mixer's samples go: the sound card through SFML (SoundOutput), or nowhere at
// real-time pace (NullAudioOutput, for tests, CI and machines without a sound card). Both
// can also hand every mixed buffer to a WavWriter tap, which records exactly what was mixed.

#include <SFML/Audio/SoundStream.hpp>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>
#include <vector>

#include "audio/mixer.h"
#include "audio/stream_clock.h"
#include "audio/wav_writer.h"

namespace vitrine {

/// Frames the outputs mix per call: ~21 ms at 48 kHz. SFML keeps three such buffers queued,
/// so the mix head runs ~64 ms ahead of the speakers; its streaming thread wakes every 10 ms.
inline constexpr std::size_t kDefaultAudioPeriodFrames = 1024;

/// Plays a Mixer through the sound card: SFML's streaming thread calls the mixer.
class SoundOutput : public sf::SoundStream {
public:
    /// Streams `mixer` (and copies every buffer to `tap` when given); both must outlive this.
    explicit SoundOutput(Mixer& mixer, WavWriter* tap = nullptr, std::size_t periodFrames = kDefaultAudioPeriodFrames);
    /// Stops the stream before the members it reads go away.
    ~SoundOutput() override;
    /// Frames the sound card has played since play(): the audio clock at the speakers, an
    /// integer count exact to the frame however long the stream runs (see stream_clock.h).
    /// The output is played once: the count does not restart with a second play().
    std::int64_t playedFrames() const;

protected:
    /// Mixes the next period. Never ends the stream (silence is mixed when nothing plays);
    /// returns false only so that SFML asks onLoop() for the buffer's mark.
    bool onGetData(Chunk& data) override;
    /// The mark at which SFML's playing offset restarts once the buffer just mixed is played.
    sf::Int64 onLoop() override;
    /// Position is the show's business, not the stream's: nothing to do.
    void onSeek(sf::Time timeOffset) override;

private:
    Mixer& mixer_;
    WavWriter* tap_;
    std::vector<std::int16_t> buffer_;
    StreamClock clock_;
    std::int64_t mark_ = 0;  // streaming thread: the mark of the buffer just mixed
};

/// Pulls from a Mixer at real-time pace with no sound card: a thread that mixes one period
/// and then waits for the next period's deadline (no busy loop, no drift: deadlines are
/// counted from the start, not from each wake-up). Like a sound card (SFML queues three
/// buffers) it keeps mixed periods queued ahead of the virtual speakers, so a wake-up that
/// comes late on a loaded machine does not stall the audio clock.
inline constexpr std::int64_t kNullOutputQueuedPeriods = 3;
class NullAudioOutput {
public:
    /// Pulls from `mixer` (and copies to `tap` when given); both must outlive this.
    explicit NullAudioOutput(Mixer& mixer, WavWriter* tap = nullptr, std::size_t periodFrames = kDefaultAudioPeriodFrames);
    /// Stops the thread.
    ~NullAudioOutput();
    NullAudioOutput(const NullAudioOutput&) = delete;
    NullAudioOutput& operator=(const NullAudioOutput&) = delete;

    /// Starts pulling (does nothing when already started).
    void play();
    /// Stops pulling and joins the thread; play() may start it again.
    void stop();
    /// Frames whose time has come since play() (what a sound card would have played).
    std::int64_t playedFrames() const;
    /// Blocks until at least `frames` frames have been pulled in all, or the output stops.
    void waitUntilMixed(std::int64_t frames);

private:
    void run();

    Mixer& mixer_;
    WavWriter* tap_;
    std::vector<std::int16_t> buffer_;
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    bool stopping_ = false;
    std::int64_t pulled_ = 0;
    std::chrono::steady_clock::time_point started_{};
    std::thread thread_;
};

}  // namespace vitrine
