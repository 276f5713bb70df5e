#include "media/thumbnail_png.h"

#include <algorithm>

#include "media/ffmpeg_handles.h"

namespace vitrine {

std::string thumbnailPng(const std::uint8_t* rgba, int width, int height, int targetWidth) {
    if (!rgba || width <= 0 || height <= 0 || targetWidth <= 0) return {};
    const int w = std::min(width, targetWidth);
    const int h = std::max(1, static_cast<int>(static_cast<std::int64_t>(height) * w / width));
    // RGB: the screen is opaque, and a quarter fewer bytes to compress.
    ffmpeg::ScalerPtr scaler(sws_getContext(width, height, AV_PIX_FMT_RGBA, w, h, AV_PIX_FMT_RGB24, SWS_AREA,
                                            nullptr, nullptr, nullptr));
    const AVCodec* codec = avcodec_find_encoder(AV_CODEC_ID_PNG);
    ffmpeg::CodecContextPtr encoder(codec ? avcodec_alloc_context3(codec) : nullptr);
    ffmpeg::FramePtr frame(av_frame_alloc());
    ffmpeg::PacketPtr packet(av_packet_alloc());
    if (!scaler || !encoder || !frame || !packet) return {};
    encoder->width = w;
    encoder->height = h;
    encoder->pix_fmt = AV_PIX_FMT_RGB24;
    encoder->time_base = {1, 1};
    if (avcodec_open2(encoder.get(), codec, nullptr) < 0) return {};
    frame->width = w;
    frame->height = h;
    frame->format = AV_PIX_FMT_RGB24;
    if (av_frame_get_buffer(frame.get(), 0) < 0) return {};
    const std::uint8_t* source[1] = {rgba};
    const int sourceStride[1] = {width * 4};
    sws_scale(scaler.get(), source, sourceStride, 0, height, frame->data, frame->linesize);
    if (avcodec_send_frame(encoder.get(), frame.get()) < 0 || avcodec_send_frame(encoder.get(), nullptr) < 0) return {};
    std::string png;
    while (avcodec_receive_packet(encoder.get(), packet.get()) == 0) {
        png.append(reinterpret_cast<const char*>(packet->data), static_cast<std::size_t>(packet->size));
        av_packet_unref(packet.get());
    }
    return png;
}

}  // namespace vitrine
