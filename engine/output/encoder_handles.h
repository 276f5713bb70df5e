#pragma once
// unique_ptr owners for the FFmpeg objects an export holds, beyond the decoders' handles:
// an output container (with its open file) and an audio FIFO.

#include <memory>

extern "C" {
#include <libavformat/avformat.h>
#include <libavutil/audio_fifo.h>
}

#include "media/ffmpeg_handles.h"

namespace vitrine::ffmpeg {

/// Closes the output's file (if open) and frees the container; the trailer is the
/// exporter's business, written only on success.
struct OutputContextCloser {
    void operator()(AVFormatContext* context) const {
        if (context->pb && !(context->oformat->flags & AVFMT_NOFILE)) avio_closep(&context->pb);
        avformat_free_context(context);
    }
};
struct AudioFifoFreer {
    void operator()(AVAudioFifo* fifo) const { av_audio_fifo_free(fifo); }
};

using OutputContextPtr = std::unique_ptr<AVFormatContext, OutputContextCloser>;
using AudioFifoPtr = std::unique_ptr<AVAudioFifo, AudioFifoFreer>;

}  // namespace vitrine::ffmpeg
