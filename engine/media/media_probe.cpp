#include "media/media_probe.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/time_value.h"
#include "base/utf8.h"
#include "media/audio_decoder.h"
#include "media/ffmpeg_handles.h"
#include "media/file_bytes.h"
#include "media/image_decoder.h"
#include "media/sound_file_end.h"
#include "media/video_decoder.h"

namespace vitrine {
namespace {

namespace fs = std::filesystem;

// Enough sound to know it decodes (a quarter of a second), and the first frames of a clip:
// a check of a hundred files must stay quick, and a file that starts decoding plays.
constexpr std::size_t kSoundFramesDecoded = kMixSampleRate / 4;
constexpr int kClipFramesDecoded = 3;
// The size pictures are decoded at: every byte is still read and entropy-decoded (damage
// anywhere is found), but a JPEG is reduced as it is decoded and no full-size RGBA copy is
// made, which is most of the time and memory of a decode. The player decodes reduced too.
constexpr ImageDrawSize kPictureProbeSize{64, 64, false};
// A file whose packets come to within this of the end its header states is whole: the last
// packet's own length and rounding in the header leave a little short of it.
constexpr Micros kEndSlack = kMicrosPerSecond / 2;
// How finely the time a cut file stops at is found, by halving: 12 seeks.
constexpr int kStopSearchSteps = 12;
// How much of a file's start is read to tell text from binary.
constexpr std::size_t kTextSniffBytes = 4096;

const char* nounFor(MediaUse use) {
    switch (use) {
        case MediaUse::Picture: return "picture";
        case MediaUse::Sound: return "sound";
        case MediaUse::Clip: return "clip";
    }
    return "file";
}

Diagnostic problem(std::string code, std::string message, std::string hint) {
    return Diagnostic{{}, Severity::Error, std::move(code), std::move(message), std::move(hint)};
}

// 48310 → "48,310": sizes as a designer reads them.
std::string groupedDigits(std::uintmax_t n) {
    std::string digits = std::to_string(n);
    for (int at = static_cast<int>(digits.size()) - 3; at > 0; at -= 3) digits.insert(static_cast<std::size_t>(at), ",");
    return digits;
}

// True when the file starts with text (UTF-8, without NULs or control characters other
// than tab, line and page breaks): a caption, a note, an HTML error page saved as .jpg.
bool isText(const fs::path& file) {
    const std::vector<std::uint8_t> head = readRange(file, 0, kTextSniffBytes);
    if (head.empty()) return false;
    const std::string_view text(reinterpret_cast<const char*>(head.data()), head.size());
    for (std::size_t at = 0; at < text.size();) {
        const auto c = static_cast<unsigned char>(text[at]);
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') return false;
        if (c == 0x7F) return false;
        const std::size_t length = text::leadingCharacterLength(text.substr(at));
        if (length == 0) return at + 4 > text.size() && head.size() == kTextSniffBytes;  // a character cut by the sniff
        at += length;
    }
    return true;
}

// The reason a JPEG or PNG that failed to decode gives, when the file stops before the
// marker or chunk every complete one ends with: it was cut short (a copy or download that
// stopped), which the designer fixes by copying it again.
std::optional<std::string> cutShortPicture(const fs::path& file) {
    const std::uintmax_t size = sizeOf(file);
    const std::vector<std::uint8_t> head = readRange(file, 0, 8);
    constexpr std::size_t kTail = 16;
    const std::vector<std::uint8_t> tail = readRange(file, size > kTail ? size - kTail : 0, kTail);
    const std::string_view end(reinterpret_cast<const char*>(tail.data()), tail.size());
    if (head.size() >= 2 && head[0] == 0xFF && head[1] == 0xD8) {
        // Encoders may pad after the end-of-image marker (FF D9) with zeros.
        std::size_t last = end.find_last_not_of('\0');
        const bool ended = last != std::string_view::npos && last >= 1 && static_cast<std::uint8_t>(end[last]) == 0xD9 &&
                           static_cast<std::uint8_t>(end[last - 1]) == 0xFF;
        if (!ended) return "the JPEG ends after " + groupedDigits(size) + " bytes, without its end marker: it was cut short";
    }
    constexpr std::array<std::uint8_t, 8> kPngSignature{0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    if (head.size() == kPngSignature.size() && std::equal(head.begin(), head.end(), kPngSignature.begin())) {
        if (end.find("IEND") == std::string_view::npos)
            return "the PNG ends after " + groupedDigits(size) + " bytes, before its last chunk (IEND): it was cut short";
    }
    return std::nullopt;
}

// True for an MP4 or QuickTime file whose top-level boxes hold no index (moov): what a
// camera or an export leaves when it stops before the end, since the index is written last.
// Without it nothing in the file can be found, however much of the picture is there.
bool isMp4WithoutIndex(const fs::path& file) {
    const std::uintmax_t size = sizeOf(file);
    constexpr std::size_t kBoxHeader = 8, kLargeSize = 8;
    bool first = true;
    for (std::uintmax_t at = 0; at + kBoxHeader <= size;) {
        const std::vector<std::uint8_t> header = readRange(file, at, kBoxHeader + kLargeSize);
        if (header.size() < kBoxHeader) return false;
        const std::string_view type(reinterpret_cast<const char*>(header.data()) + 4, 4);
        if (first && type != "ftyp" && type != "wide" && type != "free" && type != "mdat") return false;  // not ISO media
        first = false;
        if (type == "moov") return false;
        std::uint64_t boxSize = bigEndian(header, 0, 4);
        if (boxSize == 1 && header.size() == kBoxHeader + kLargeSize) boxSize = bigEndian(header, kBoxHeader, kLargeSize);
        if (boxSize == 0) break;          // the last box runs to the end of the file
        if (boxSize < kBoxHeader) break;  // damaged: nothing further can be found either
        at += boxSize;
    }
    return !first;
}

// The time of the first packet the container's index places past the end of the file: an
// MP4 or MOV with its index at the front (faststart) that was cut after it. The index says
// where every packet lies, so nothing is read. Nullopt when every packet is in the file.
std::optional<Micros> firstIndexedPacketPastEnd(const AVFormatContext& format, std::int64_t fileSize) {
    std::optional<Micros> stop;
    for (unsigned i = 0; i < format.nb_streams; ++i) {
        AVStream& stream = *format.streams[i];
        const std::int64_t start = stream.start_time == AV_NOPTS_VALUE ? 0 : stream.start_time;
        for (int e = 0, count = avformat_index_get_entries_count(&stream); e < count; ++e) {
            const AVIndexEntry& entry = *avformat_index_get_entry(&stream, e);
            if (entry.pos + entry.size <= fileSize) continue;
            const Micros at = av_rescale_q(entry.timestamp - start, stream.time_base, AV_TIME_BASE_Q);
            if (!stop || at < *stop) stop = at;
            break;  // a stream's entries are in time order: the rest lie further on
        }
    }
    return stop;
}

// Whether the file still holds packets at `at`: seek there and read a few.
bool packetsAt(AVFormatContext& format, Micros at) {
    if (av_seek_frame(&format, -1, at, AVSEEK_FLAG_BACKWARD) < 0) return false;
    ffmpeg::PacketPtr packet(av_packet_alloc());
    // A clip's seek lands on the keyframe before `at`, which may be its first.
    constexpr int kPacketsRead = 4096;
    for (int n = 0; n < kPacketsRead && av_read_frame(&format, packet.get()) >= 0; ++n) {
        const AVStream& stream = *format.streams[packet->stream_index];
        const std::int64_t start = stream.start_time == AV_NOPTS_VALUE ? 0 : stream.start_time;
        const std::int64_t pts = packet->pts != AV_NOPTS_VALUE ? packet->pts : packet->dts;
        const bool reaches = pts != AV_NOPTS_VALUE &&
                             av_rescale_q(pts + packet->duration - start, stream.time_base, AV_TIME_BASE_Q) >= at;
        av_packet_unref(packet.get());
        if (reaches) return true;
    }
    return false;
}

// Why a sound or clip that starts well ends early, or nullopt when it plays to the end its
// header states: a copy or download that stopped, with the header (a WAV's data size, a
// FLAC's sample count, an MP3's frame count, an MP4's index at the front) still promising
// the rest, or an Ogg file without the last page that ends every finished one. Decoding the
// start finds nothing wrong, and the player would freeze or fall silent where it stops.
// Cheap: the index is compared with the file's size, or else one seek near the stated end;
// only a file that is cut is searched, by halving, for where it stops.
std::optional<std::string> cutShortEnd(const fs::path& file, MediaUse use) {
    auto says = [&](Micros stop, Micros stated) {
        return "the " + std::string(nounFor(use)) + " stops at " + formatTime(stop, TimePrecision::Tenths) +
               " of the " + formatTime(stated, TimePrecision::Tenths) + " its header states: the file was cut short";
    };
    if (auto wav = wavLength(file))
        return wav->present + kEndSlack < wav->stated ? std::optional(says(wav->present, wav->stated)) : std::nullopt;
    // A FLAC's last frame is found to the sample, so no slack: FFmpeg would believe its header.
    if (auto flac = flacLength(file))
        return flac->present < flac->stated ? std::optional(says(flac->present, flac->stated)) : std::nullopt;
    // An Ogg states no length but ends with a page marked so; FFmpeg's length is where its
    // last whole page ends, so a cut one seems whole to the seek below.
    const std::optional<bool> oggWhole = oggEndsWithItsLastPage(file);
    if (oggWhole && *oggWhole) return std::nullopt;
    AVFormatContext* opened = nullptr;
    if (avformat_open_input(&opened, file.c_str(), nullptr, nullptr) < 0) return std::nullopt;
    ffmpeg::FormatContextPtr format(opened);
    // An MP3's or Ogg's length is known only once its first packets are read.
    if (avformat_find_stream_info(format.get(), nullptr) < 0) return std::nullopt;
    if (oggWhole) {
        const std::string stop =
            format->duration == AV_NOPTS_VALUE ? "" : " at " + formatTime(format->duration, TimePrecision::Tenths);
        return "the " + std::string(nounFor(use)) + " stops" + stop +
               " without the last page every finished Ogg file ends with: the file was cut short";
    }
    // A length guessed from the bit rate and the file's size holds no promise to break.
    if (format->duration == AV_NOPTS_VALUE || format->duration <= kEndSlack ||
        format->duration_estimation_method == AVFMT_DURATION_FROM_BITRATE)
        return std::nullopt;
    const Micros stated = format->duration;
    // An MP4's or MOV's index, read with its header, places every packet: it alone decides.
    const bool indexed = std::string_view(format->iformat->name).find("mp4") != std::string_view::npos;
    std::optional<Micros> stop = indexed ? firstIndexedPacketPastEnd(*format, avio_size(format->pb)) : std::nullopt;
    if (indexed && !stop) return std::nullopt;
    if (!stop) {
        if (packetsAt(*format, stated - kEndSlack)) return std::nullopt;
        Micros reached = 0, missing = stated - kEndSlack;
        for (int step = 0; step < kStopSearchSteps; ++step) {
            const Micros middle = reached + (missing - reached) / 2;
            (packetsAt(*format, middle) ? reached : missing) = middle;
        }
        stop = reached;
    }
    return says(*stop, stated);
}

// True when the file's first byte can be read: FFmpeg says "cannot open" for a file it
// only failed to make sense of (random bytes it took for an MP3), which is no access problem.
bool canRead(const fs::path& file) { return !readRange(file, 0, 1).empty(); }

// Why a file FFmpeg could not open as a sound or a clip will not play.
Diagnostic openProblem(const fs::path& file, MediaUse use, ErrorKind error, const std::string& message) {
    const std::string noun = nounFor(use);
    const bool sound = use == MediaUse::Sound;
    if (error == ErrorKind::EmptyFile)
        return problem("media-empty", "the " + noun + " is empty (0 bytes)", "copy the file again from its source");
    if (error == ErrorKind::Unreadable && !canRead(file))
        return problem("media-unreadable", "the " + noun + " cannot be read: " + message,
                       "check that the file may be read by the user the player runs as");
    if (isMp4WithoutIndex(file))
        return problem("media-cut-short", "the MP4 has no index (moov): it was not finished writing",
                       "the recording or export stopped before its end; export or copy it again");
    if (isText(file)) return problem("media-wrong-kind", "not a " + noun + ": the file is text", "the path names the wrong file");
    // A readable file FFmpeg could not open at all is in no format it knows.
    if (error == ErrorKind::Unreadable || message.find("not a media file") != std::string::npos)
        return problem("media-wrong-kind",
                       "not a " + noun + ": its content is in no " + (sound ? "sound" : "video") + " format Vitrine reads",
                       sound ? "convert it to WAV, FLAC, MP3, Ogg or Opus" : "convert it to MP4 (H.264)");
    if (error == ErrorKind::WrongKind) {
        if (message.starts_with("not audio"))
            return problem("media-wrong-kind", "not a sound: the file has no sound track",
                           "the path names the wrong file, or the video lost its sound when it was exported");
        if (message.starts_with("not video"))
            return problem("media-wrong-kind", "not a clip: " + message.substr(message.find(": ") + 2),
                           "a sound is played with <audio>");
        return problem("media-wrong-kind", "not a " + noun + " Vitrine can play: " + message,
                       sound ? "convert it to WAV, FLAC, MP3, Ogg or Opus" : "convert it to MP4 (H.264)");
    }
    return problem("media-damaged", "the " + noun + " is damaged: " + message, "export or copy it again");
}

std::optional<Diagnostic> probePicture(const fs::path& file) {
    ImageDecodeOptions options;  // the player's limits: kDefaultMaxImagePixels
    options.drawSize = kPictureProbeSize;
    const Result<DecodedImage> result = decodeImage(file, options);
    if (result) return std::nullopt;
    const std::string& message = result.error().message;
    switch (result.error().kind) {
        case ErrorKind::Other:  // decodeImage always says which kind
        case ErrorKind::FileNotFound: return std::nullopt;  // found missing by the check itself
        case ErrorKind::EmptyFile:
            return problem("media-empty", "the picture is empty (0 bytes)", "copy the file again from its source");
        case ErrorKind::Unreadable:
            return problem("media-unreadable", "the picture cannot be read: " + message,
                           "check that the file may be read by the user the player runs as");
        case ErrorKind::WrongKind:
            if (isText(file))
                return problem("media-wrong-kind", "not a picture: the file is text", "the path names the wrong file");
            return problem("media-wrong-kind", "not a picture: " + message,
                           "save it as JPEG or PNG, or check that the path names the right file");
        case ErrorKind::Corrupt:
            if (auto reason = cutShortPicture(file))
                return problem("media-cut-short", *reason, "copy the file again from its source");
            return problem("media-damaged", "the picture is damaged: " + message,
                           "open it in an image editor and save it again, or find another copy");
        case ErrorKind::TooLarge:
        case ErrorKind::OutOfMemory:
            return problem("media-too-large", "the picture is too large to show: " + message,
                           "scale it down: 8000 pixels on its long side keeps even a close pan-zoom sharp");
    }
    return std::nullopt;
}

std::optional<Diagnostic> probeSound(const fs::path& file) {
    auto opened = AudioDecoder::open(file);
    if (!opened) {
        if (opened.error().kind == ErrorKind::FileNotFound) return std::nullopt;
        return openProblem(file, MediaUse::Sound, opened.error().kind, opened.error().message);
    }
    AudioDecoder& sound = **opened;
    std::vector<float> samples(kSoundFramesDecoded * kMixChannels);
    const std::size_t decoded = sound.read(samples.data(), kSoundFramesDecoded);
    if (decoded == 0 || !sound.problem().empty())
        return problem("media-damaged",
                       "the sound does not decode: " + (sound.problem().empty() ? "no audio came out of it" : sound.problem()),
                       "convert it again (WAV, FLAC, MP3, Ogg or Opus), or find another copy");
    if (!sound.duration())
        return problem("media-damaged", "the sound's length is not in the file",
                       "convert it again (WAV, FLAC, MP3, Ogg or Opus)");
    if (auto reason = cutShortEnd(file, MediaUse::Sound))
        return problem("media-cut-short", *reason, "copy the file again from its source");
    return std::nullopt;
}

std::optional<Diagnostic> probeClip(const fs::path& file) {
    // One codec thread: FFmpeg's words about a damaged frame are logged on the decoding
    // thread, and only this thread's are captured into the reason.
    auto opened = VideoDecoder::open(file, 1);
    if (!opened) {
        if (opened.error().kind == ErrorKind::FileNotFound) return std::nullopt;
        return openProblem(file, MediaUse::Clip, opened.error().kind, opened.error().message);
    }
    VideoDecoder& clip = **opened;
    int frames = 0;
    while (frames < kClipFramesDecoded && clip.next()) ++frames;
    if (frames == 0 || !clip.problem().empty())
        return problem("media-damaged",
                       "the clip's video does not decode: " +
                           (clip.problem().empty() ? std::string("no picture came out of it") : clip.problem()),
                       "export it again (MP4, H.264), or find another copy");
    if (auto reason = cutShortEnd(file, MediaUse::Clip))
        return problem("media-cut-short", *reason, "copy the file again from its source");
    return std::nullopt;
}

}  // namespace

std::optional<Diagnostic> probeMedia(const fs::path& file, MediaUse use) {
    switch (use) {
        case MediaUse::Picture: return probePicture(file);
        case MediaUse::Sound: return probeSound(file);
        case MediaUse::Clip: return probeClip(file);
    }
    return std::nullopt;
}

}  // namespace vitrine
