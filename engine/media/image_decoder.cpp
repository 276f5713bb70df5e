#include "media/image_decoder.h"

#include "media/ffmpeg_handles.h"
#include "media/ffmpeg_log_capture.h"
#include "media/image_orientation.h"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cmath>
#include <cstdio>
#include <memory>
#include <new>
#include <string_view>
#include <utility>
#include <system_error>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/display.h>
#include <libavutil/imgutils.h>
#include <libswscale/swscale.h>
}

namespace vitrine {
namespace {

namespace fs = std::filesystem;

// RAII owners for FFmpeg objects, shared with the audio and video decoders.
using ffmpeg::CodecContextPtr;
using ffmpeg::FormatContextPtr;
using ffmpeg::FramePtr;
using ffmpeg::PacketPtr;
using ffmpeg::ScalerPtr;

// An AVDictionary freed on scope exit (FFmpeg replaces it in place, so unique_ptr won't do).
class Dictionary {
public:
    Dictionary() = default;
    ~Dictionary() { av_dict_free(&dictionary_); }
    Dictionary(const Dictionary&) = delete;
    Dictionary& operator=(const Dictionary&) = delete;
    void set(const char* key, const char* value) { av_dict_set(&dictionary_, key, value, 0); }
    AVDictionary** address() { return &dictionary_; }

private:
    AVDictionary* dictionary_ = nullptr;
};

// --- Limits -----------------------------------------------------------------------------

// av_image_check_size2 refuses (w + 128) · (h + 128) ≥ INT_MAX / 8; every FFmpeg decoder
// calls it before allocating, so such pictures never cost memory, but the decoder only
// says "Picture size WxH is invalid". We recognise that case to name it "too large".
constexpr std::int64_t kFfmpegSizePadding = 128;
constexpr std::int64_t kFfmpegMaxPaddedArea = INT_MAX / 8;

bool exceedsFfmpegLimit(std::int64_t width, std::int64_t height) {
    return (width + kFfmpegSizePadding) * (height + kFfmpegSizePadding) >= kFfmpegMaxPaddedArea;
}

// The size in FFmpeg's "Picture size WxH is invalid" when that size is over its limit.
std::optional<std::pair<std::int64_t, std::int64_t>> sizeFfmpegRefused(const FfmpegLogCapture& log) {
    const std::string& lines = log.allErrors();
    for (std::size_t start = 0; start < lines.size();) {
        const std::size_t end = std::min(lines.find('\n', start), lines.size());
        const std::string line = lines.substr(start, end - start);
        unsigned width = 0, height = 0;
        if (std::sscanf(line.c_str(), "Picture size %ux%u is invalid", &width, &height) == 2 &&
            exceedsFfmpegLimit(width, height)) {
            return std::pair<std::int64_t, std::int64_t>(width, height);
        }
        start = end + 1;
    }
    return std::nullopt;
}

constexpr double kMegapixel = 1'000'000.0;
// Scaled sizes a hair above a whole number (floating-point noise) round down, not up.
constexpr double kSizeRounding = 1e-6;

std::string describeSize(std::int64_t width, std::int64_t height) {
    return std::to_string(width) + "x" + std::to_string(height);
}

std::string megapixels(std::int64_t pixels) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", static_cast<double>(pixels) / kMegapixel);
    return text;
}

Error failure(ErrorKind kind, std::string message) { return Error{std::move(message), kind}; }

Error tooLarge(std::int64_t width, std::int64_t height, std::int64_t limit) {
    return failure(ErrorKind::TooLarge, "image too large: " + describeSize(width, height) + " (" +
                                            megapixels(width * height) + " megapixels) exceeds the limit of " +
                                            megapixels(limit) + " megapixels");
}

// The decoder's own words, appended to our reason when it said something.
std::string withDetail(std::string reason, const FfmpegLogCapture& log) {
    if (log.hasErrors()) reason += " (" + log.firstError() + ")";
    return reason;
}

std::string ffmpegErrorText(int code) {
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, text, sizeof text);
    return text;
}

// Demuxers that hold a single still picture. Anything else (a video, an ANSI text file the
// "tty" demuxer would happily render) is not an image for our purposes.
bool isStillImageDemuxer(const AVInputFormat* format) {
    const std::string_view name = format->name;
    constexpr std::string_view kPipeSuffix = "_pipe";
    // GIF has a demuxer of its own; its first frame is the picture.
    return name == "image2" || name == "gif" || (name.size() > kPipeSuffix.size() && name.ends_with(kPipeSuffix));
}

// Refuses a picture larger than the caller's limit when the decoder asks for its buffer:
// after it has parsed the header, before a single pixel is allocated. Works for every
// codec, unlike peeking at format-specific headers.
struct AllocationGuard {
    std::int64_t maxPixels = 0;
    int refusedWidth = 0;
    int refusedHeight = 0;
};

int guardedGetBuffer(AVCodecContext* context, AVFrame* frame, int flags) {
    auto* guard = static_cast<AllocationGuard*>(context->opaque);
    const std::int64_t pixels = static_cast<std::int64_t>(frame->width) * frame->height;
    if (pixels > guard->maxPixels) {
        guard->refusedWidth = frame->width;
        guard->refusedHeight = frame->height;
        return AVERROR(ENOMEM);
    }
    return avcodec_default_get_buffer2(context, frame, flags);
}

// The JPEG-range ("J") formats are deprecated in swscale: use the plain one and say the
// range is full instead.
AVPixelFormat withoutDeprecatedRange(AVPixelFormat format, bool& fullRange) {
    switch (format) {
        case AV_PIX_FMT_YUVJ420P: fullRange = true; return AV_PIX_FMT_YUV420P;
        case AV_PIX_FMT_YUVJ422P: fullRange = true; return AV_PIX_FMT_YUV422P;
        case AV_PIX_FMT_YUVJ444P: fullRange = true; return AV_PIX_FMT_YUV444P;
        case AV_PIX_FMT_YUVJ440P: fullRange = true; return AV_PIX_FMT_YUV440P;
        case AV_PIX_FMT_YUVJ411P: fullRange = true; return AV_PIX_FMT_YUV411P;
        default: return format;
    }
}

std::optional<ImageOrientation> frameOrientation(const AVFrame& frame) {
    if (const AVFrameSideData* side = av_frame_get_side_data(&frame, AV_FRAME_DATA_DISPLAYMATRIX);
        side != nullptr && side->size >= static_cast<std::size_t>(9 * sizeof(std::int32_t))) {
        return orientationFromDisplayMatrix(reinterpret_cast<const std::int32_t*>(side->data));
    }
    // Decoders that keep EXIF only as metadata (WebP, TIFF in some versions).
    if (const AVDictionaryEntry* entry = av_dict_get(frame.metadata, "Orientation", nullptr, 0)) {
        return orientationFromExifText(entry->value);
    }
    return std::nullopt;
}

// `stored` is the source's size as stored, which a reduced decode (lowres) makes larger
// than the frame: the result is the size a full decode would give.
Result<DecodedImage> convertToRgba(const AVFrame& frame, ImageSize stored, const ImageDecodeOptions& options) {
    // The draw size is upright; the frame is stored before its orientation is applied.
    const std::optional<ImageOrientation> orientation = frameOrientation(frame);
    const bool swapped = orientation && swapsDimensions(*orientation);
    const ImageSize upright = swapped ? ImageSize{stored.height, stored.width} : stored;
    const ImageSize decoded = decodedImageSize(upright, options);
    const int width = swapped ? decoded.height : decoded.width;
    const int height = swapped ? decoded.width : decoded.height;
    const bool downscaling = width < frame.width || height < frame.height;

    bool fullRange = frame.color_range == AVCOL_RANGE_JPEG;
    const AVPixelFormat sourceFormat = withoutDeprecatedRange(static_cast<AVPixelFormat>(frame.format), fullRange);
    // Area averaging keeps fine print legible when a scan is shrunk a lot; bicubic only
    // matters for chroma upsampling at 1:1. Full chroma and accurate rounding keep solid
    // colours exact, which archival reproductions (and our tests) rely on.
    const int flags = (downscaling ? SWS_AREA : SWS_BICUBIC) | SWS_FULL_CHR_H_INT | SWS_FULL_CHR_H_INP |
                      SWS_ACCURATE_RND;
    ScalerPtr scaler(sws_getContext(frame.width, frame.height, sourceFormat, width, height, AV_PIX_FMT_RGBA, flags,
                                    nullptr, nullptr, nullptr));
    if (!scaler) {
        return failure(ErrorKind::WrongKind, std::string("unsupported pixel format ") +
                                                 (av_get_pix_fmt_name(sourceFormat) ? av_get_pix_fmt_name(sourceFormat)
                                                                                    : "unknown"));
    }
    const int sourceMatrix = frame.colorspace == AVCOL_SPC_UNSPECIFIED ? SWS_CS_DEFAULT : frame.colorspace;
    constexpr int kFullRange = 1;
    constexpr int kNeutralBrightness = 0;
    constexpr int kNeutralContrast = 1 << 16;
    constexpr int kNeutralSaturation = 1 << 16;
    // Fails harmlessly for RGB sources, where there is no YUV matrix to choose.
    sws_setColorspaceDetails(scaler.get(), sws_getCoefficients(sourceMatrix), fullRange ? 1 : 0,
                             sws_getCoefficients(SWS_CS_DEFAULT), kFullRange, kNeutralBrightness, kNeutralContrast,
                             kNeutralSaturation);

    RgbaImage image;
    image.width = width;
    image.height = height;
    try {
        image.pixels.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * RgbaImage::kChannels);
    } catch (const std::bad_alloc&) {
        return failure(ErrorKind::OutOfMemory, "out of memory for a " + describeSize(width, height) + " image");
    }
    std::uint8_t* destination[4] = {image.pixels.data(), nullptr, nullptr, nullptr};
    const int destinationStride[4] = {width * RgbaImage::kChannels, 0, 0, 0};
    const int rows = sws_scale(scaler.get(), frame.data, frame.linesize, 0, frame.height, destination, destinationStride);
    if (rows != height) return failure(ErrorKind::Corrupt, "pixel conversion failed");

    return DecodedImage{orientation ? applyOrientation(std::move(image), *orientation) : std::move(image)};
}

}  // namespace

std::optional<ImageSize> jpegFrameSize(const std::uint8_t* data, std::size_t size) {
    // Markers follow the start of image (FF D8), each FF, its code, a big-endian length.
    if (size < 4 || data[0] != 0xFF || data[1] != 0xD8) return std::nullopt;
    std::size_t at = 2;
    while (at + 4 <= size) {
        if (data[at] != 0xFF) return std::nullopt;
        const std::uint8_t code = data[at + 1];
        if (code == 0xFF) {  // fill byte
            ++at;
            continue;
        }
        const std::size_t length = static_cast<std::size_t>(data[at + 2]) << 8 | data[at + 3];
        // Start of frame: C0-CF except C4 (Huffman tables), C8 (reserved) and CC (arithmetic).
        const bool startOfFrame = code >= 0xC0 && code <= 0xCF && code != 0xC4 && code != 0xC8 && code != 0xCC;
        if (startOfFrame) {
            if (at + 9 > size || length < 7) return std::nullopt;
            const int height = data[at + 5] << 8 | data[at + 6];
            const int width = data[at + 7] << 8 | data[at + 8];
            if (width <= 0 || height <= 0) return std::nullopt;
            return ImageSize{width, height};
        }
        if (code == 0xDA || length < 2) return std::nullopt;  // image data before any frame header
        at += 2 + length;
    }
    return std::nullopt;
}

int jpegReduction(ImageSize stored, bool turned, int maxReduction, const ImageDecodeOptions& options) {
    if (stored.width <= 0 || stored.height <= 0) return 0;
    // The size needed, upright, brought back to the way the pixels are stored.
    const ImageSize upright = turned ? ImageSize{stored.height, stored.width} : stored;
    const ImageSize need = decodedImageSize(upright, options);
    const int needWidth = turned ? need.height : need.width;
    const int needHeight = turned ? need.width : need.height;
    int reduction = 0;
    while (reduction < maxReduction && (stored.width >> (reduction + 1)) >= needWidth &&
           (stored.height >> (reduction + 1)) >= needHeight)
        ++reduction;
    return reduction;
}

ImageSize decodedImageSize(ImageSize upright, const ImageDecodeOptions& options) {
    ImageSize size = upright;
    if (upright.width <= 0 || upright.height <= 0) return size;
    if (options.drawSize.known()) {
        const double sx = static_cast<double>(options.drawSize.width) / upright.width;
        const double sy = static_cast<double>(options.drawSize.height) / upright.height;
        const double scale = options.drawSize.cover ? std::max(sx, sy) : std::min(sx, sy);
        if (scale < 1) {
            // Rounded up, so the picture is never drawn enlarged for want of a pixel.
            size.width = std::max(1, static_cast<int>(std::ceil(upright.width * scale - kSizeRounding)));
            size.height = std::max(1, static_cast<int>(std::ceil(upright.height * scale - kSizeRounding)));
        }
    }
    const int longer = std::max(size.width, size.height);
    if (options.maxDimension <= 0 || longer <= options.maxDimension) return size;
    const double scale = static_cast<double>(options.maxDimension) / longer;
    return {std::clamp(static_cast<int>(std::lround(size.width * scale)), 1, options.maxDimension),
            std::clamp(static_cast<int>(std::lround(size.height * scale)), 1, options.maxDimension)};
}

namespace {

// `turned`: whether the picture is taken to be turned a quarter by its orientation, which
// only decoding tells; a JPEG decoded reduced on the wrong guess is decoded again.
Result<DecodedImage> decodeImage(const fs::path& path, const ImageDecodeOptions& options, bool turned) {
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (!fs::exists(status)) return failure(ErrorKind::FileNotFound, "file not found");
    if (fs::is_directory(status)) return failure(ErrorKind::Unreadable, "is a directory, not an image file");
    const std::uintmax_t size = fs::file_size(path, ec);
    if (ec) return failure(ErrorKind::Unreadable, "cannot read file: " + ec.message());
    if (size == 0) return failure(ErrorKind::EmptyFile, "empty file (0 bytes)");

    FfmpegLogCapture log;

    // "file:" keeps a path with a colon from being read as a protocol; pattern_type=none
    // keeps the image2 demuxer from reading "%d" or "*" in a file name as a sequence.
    const std::string url = "file:" + path.string();
    Dictionary demuxerOptions;
    demuxerOptions.set("pattern_type", "none");
    AVFormatContext* rawFormat = nullptr;
    if (const int error = avformat_open_input(&rawFormat, url.c_str(), nullptr, demuxerOptions.address());
        error < 0) {
        if (error == AVERROR(ENOENT)) return failure(ErrorKind::FileNotFound, "file not found");
        if (error == AVERROR(EACCES)) return failure(ErrorKind::Unreadable, "permission denied");
        if (error == AVERROR_INVALIDDATA) return failure(ErrorKind::WrongKind, "not an image / unsupported format");
        return failure(ErrorKind::Unreadable, withDetail("cannot open: " + ffmpegErrorText(error), log));
    }
    FormatContextPtr format(rawFormat);
    if (!isStillImageDemuxer(format->iformat)) {
        return failure(ErrorKind::WrongKind,
                       std::string("not an image / unsupported format (looks like ") + format->iformat->name + ")");
    }

    // No avformat_find_stream_info: for still images it would decode the whole picture once
    // just to learn its size, before we had a chance to refuse it.
    const AVCodec* codec = nullptr;
    const int streamIndex = av_find_best_stream(format.get(), AVMEDIA_TYPE_VIDEO, -1, -1, &codec, 0);
    if (streamIndex < 0 || codec == nullptr) return failure(ErrorKind::WrongKind, "not an image / unsupported format");
    const AVCodecParameters* parameters = format->streams[streamIndex]->codecpar;
    FramePtr frame(av_frame_alloc());
    PacketPtr packet(av_packet_alloc());
    if (!frame || !packet) return failure(ErrorKind::OutOfMemory, "out of memory for a frame");

    // The size as stored: the stream's, where the demuxer knows it; a JPEG's from its frame
    // header in the first packet, read now so the decoder can be told how far to reduce it.
    bool pending = false;
    ImageSize stored{parameters->width, parameters->height};
    if (codec->id == AV_CODEC_ID_MJPEG) {
        while (!pending && av_read_frame(format.get(), packet.get()) >= 0) {
            pending = packet->stream_index == streamIndex;
            if (!pending) av_packet_unref(packet.get());
        }
        if (pending)
            if (auto size = jpegFrameSize(packet->data, static_cast<std::size_t>(packet->size))) stored = *size;
    }
    // Refused by its own size before its pixels are allocated, however small it is drawn.
    if (stored.width > 0 && stored.height > 0 && static_cast<std::int64_t>(stored.width) * stored.height > options.maxPixels)
        return tooLarge(stored.width, stored.height, options.maxPixels);

    CodecContextPtr decoder(avcodec_alloc_context3(codec));
    if (!decoder) return failure(ErrorKind::OutOfMemory, "out of memory for a decoder");
    if (avcodec_parameters_to_context(decoder.get(), parameters) < 0) {
        return failure(ErrorKind::WrongKind, "not an image / unsupported format");
    }
    AllocationGuard guard;
    guard.maxPixels = options.maxPixels;
    decoder->opaque = &guard;
    decoder->get_buffer2 = guardedGetBuffer;
    // One thread per decode: the cache decodes several images side by side, and the log
    // capture needs FFmpeg to work on this thread.
    decoder->thread_count = 1;
    // Look for damage carefully; what is found is logged at error level, and any such
    // error fails the decode below: a half-grey photograph on a memorial wall is worse
    // than an honest placeholder. (AV_EF_EXPLODE is not used: it makes the TIFF decoder
    // reject every file with a tag it does not know, such as ResolutionUnit.)
    decoder->err_recognition = AV_EF_CAREFUL | AV_EF_BUFFER | AV_EF_BITSTREAM;
    if (codec->id == AV_CODEC_ID_MJPEG) decoder->lowres = jpegReduction(stored, turned, codec->max_lowres, options);
    if (const int error = avcodec_open2(decoder.get(), codec, nullptr); error < 0) {
        return failure(ErrorKind::WrongKind, withDetail("cannot open decoder " + std::string(codec->name), log));
    }

    int decodeError = 0;
    bool gotFrame = false;
    bool flushing = false;
    while (!gotFrame && decodeError == 0) {
        if (!flushing) {
            const int read = pending ? 0 : av_read_frame(format.get(), packet.get());
            pending = false;
            if (read < 0) {
                flushing = true;
                avcodec_send_packet(decoder.get(), nullptr);
            } else {
                const bool ours = packet->stream_index == streamIndex;
                const int sent = ours ? avcodec_send_packet(decoder.get(), packet.get()) : 0;
                av_packet_unref(packet.get());
                if (sent < 0 && sent != AVERROR(EAGAIN)) decodeError = sent;
                if (!ours || decodeError != 0) continue;
            }
        }
        const int received = avcodec_receive_frame(decoder.get(), frame.get());
        if (received == 0) {
            gotFrame = true;
        } else if (received == AVERROR(EAGAIN) && !flushing) {
            continue;
        } else {
            decodeError = received;
        }
    }

    if (guard.refusedWidth > 0) return tooLarge(guard.refusedWidth, guard.refusedHeight, options.maxPixels);
    if (const auto refused = sizeFfmpegRefused(log)) {
        return tooLarge(refused->first, refused->second, std::min<std::int64_t>(options.maxPixels, kFfmpegMaxPaddedArea));
    }
    const bool damaged = gotFrame && ((frame->flags & AV_FRAME_FLAG_CORRUPT) != 0 || frame->decode_error_flags != 0);
    if (!gotFrame || damaged || log.hasErrors()) {
        if (decodeError == AVERROR(ENOMEM)) return failure(ErrorKind::OutOfMemory, withDetail("out of memory", log));
        // The image2 demuxer wins only on the file's extension: no image format recognised
        // the content itself, so when the decoder could not even make a picture of it the
        // file is not that kind of file; a picture with errors is a damaged one.
        if (!gotFrame && std::string_view(format->iformat->name) == "image2") {
            return failure(ErrorKind::WrongKind,
                           withDetail("not an image / unsupported format (the content does not match its extension)", log));
        }
        return failure(ErrorKind::Corrupt, withDetail("truncated or corrupt data", log));
    }
    if (frame->width <= 0 || frame->height <= 0) return failure(ErrorKind::Corrupt, "image has no pixels");
    if (decoder->lowres > 0) {
        const std::optional<ImageOrientation> orientation = frameOrientation(*frame);
        const bool isTurned = orientation && swapsDimensions(*orientation);
        if (isTurned != turned && jpegReduction(stored, isTurned, codec->max_lowres, options) < decoder->lowres)
            return decodeImage(path, options, isTurned);  // the guess was wrong and too few pixels came out
        // A reduced decode leaves the frame at the stored size divided by 2^lowres, rounded up.
        Result<DecodedImage> result = convertToRgba(*frame, stored, options);
        if (result) result->reducedBy = decoder->lowres;
        return result;
    }
    return convertToRgba(*frame, {frame->width, frame->height}, options);
}

}  // namespace

Result<DecodedImage> decodeImage(const fs::path& path, const ImageDecodeOptions& options) {
    return decodeImage(path, options, false);  // most pictures are stored upright
}

}  // namespace vitrine
