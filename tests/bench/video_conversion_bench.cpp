#include "bench/video_conversion_bench.h"

#include <GL/gl.h>
#include <SFML/Graphics.hpp>

#include <array>
#include <cstdint>
#include <vector>

#include "bench/bench_timer.h"
#include "media/ffmpeg_handles.h"

extern "C" {
#include <libswscale/swscale.h>
}

namespace vitrine::bench {
namespace {

constexpr int kWidth = 1920, kHeight = 1080, kFrames = 60;

// BT.709, limited range, as the decoder's swscale path converts an HD clip.
const char* kYuvShader = R"(
uniform sampler2D yPlane;
uniform sampler2D uPlane;
uniform sampler2D vPlane;
void main() {
    vec2 at = gl_TexCoord[0].xy;
    float y = 1.1644 * (texture2D(yPlane, at).r - 0.0627);
    float u = texture2D(uPlane, at).r - 0.502;
    float v = texture2D(vPlane, at).r - 0.502;
    gl_FragColor = vec4(y + 1.7927 * v, y - 0.2132 * u - 0.5329 * v, y + 2.1124 * u, 1.0);
}
)";

// One 8-bit plane as a luminance texture on texture unit `unit` (units 1..3: SFML uses 0).
class PlaneTexture {
public:
    PlaneTexture(int width, int height) : width_(width), height_(height) {
        glGenTextures(1, &name_);
        glBindTexture(GL_TEXTURE_2D, name_);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_LUMINANCE, width, height, 0, GL_LUMINANCE, GL_UNSIGNED_BYTE, nullptr);
    }
    ~PlaneTexture() { glDeleteTextures(1, &name_); }
    PlaneTexture(const PlaneTexture&) = delete;
    PlaneTexture& operator=(const PlaneTexture&) = delete;

    void upload(int unit, const std::uint8_t* pixels) {
        glActiveTexture(GL_TEXTURE0 + unit);
        glBindTexture(GL_TEXTURE_2D, name_);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
        glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, width_, height_, GL_LUMINANCE, GL_UNSIGNED_BYTE, pixels);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
        glActiveTexture(GL_TEXTURE0);
    }

private:
    GLuint name_ = 0;
    int width_, height_;
};

void finish(sf::RenderTexture& target) {
    target.display();
    glFinish();
}

}  // namespace

ConversionCosts measureConversionPaths() {
    ConversionCosts costs;
    // Plane content does not change the cost of either path; a varied pattern keeps it honest.
    std::vector<std::uint8_t> y(static_cast<std::size_t>(kWidth) * kHeight), u(y.size() / 4), v(y.size() / 4);
    for (std::size_t i = 0; i < y.size(); ++i) y[i] = static_cast<std::uint8_t>(16 + (i * 7) % 220);
    for (std::size_t i = 0; i < u.size(); ++i) u[i] = static_cast<std::uint8_t>(16 + (i * 3) % 224), v[i] = static_cast<std::uint8_t>(16 + (i * 5) % 224);
    const std::array<const std::uint8_t*, 3> planes{y.data(), u.data(), v.data()};
    const std::array<int, 3> strides{kWidth, kWidth / 2, kWidth / 2};

    sf::RenderTexture target;
    if (!target.create(kWidth, kHeight)) return costs;

    // swscale path, as VideoDecoder converts and the player uploads and draws.
    ffmpeg::ScalerPtr scaler(sws_getContext(kWidth, kHeight, AV_PIX_FMT_YUV420P, kWidth, kHeight, AV_PIX_FMT_RGBA,
                                            SWS_BILINEAR, nullptr, nullptr, nullptr));
    sws_setColorspaceDetails(scaler.get(), sws_getCoefficients(SWS_CS_ITU709), 0, sws_getCoefficients(SWS_CS_DEFAULT), 1,
                             0, 1 << 16, 1 << 16);
    std::vector<std::uint8_t> rgba(static_cast<std::size_t>(kWidth) * kHeight * 4);
    sf::Texture texture;
    texture.create(kWidth, kHeight);
    sf::Sprite sprite(texture);
    std::vector<double> swscaleTimes;
    for (int i = 0; i < kFrames; ++i) {
        const double start = now();
        std::uint8_t* destination[4] = {rgba.data(), nullptr, nullptr, nullptr};
        const int stride[4] = {kWidth * 4, 0, 0, 0};
        sws_scale(scaler.get(), planes.data(), strides.data(), 0, kHeight, destination, stride);
        texture.update(rgba.data());
        target.draw(sprite);
        finish(target);
        swscaleTimes.push_back(now() - start);
    }
    costs.swscaleMs = summarise(swscaleTimes).median * 1e3;

    sf::Shader shader;
    if (!sf::Shader::isAvailable() || !shader.loadFromMemory(kYuvShader, sf::Shader::Fragment)) return costs;
    costs.shaderAvailable = true;
    shader.setUniform("yPlane", 1);
    shader.setUniform("uPlane", 2);
    shader.setUniform("vPlane", 3);
    if (!target.setActive(true)) return costs;
    PlaneTexture yTexture(kWidth, kHeight), uTexture(kWidth / 2, kHeight / 2), vTexture(kWidth / 2, kHeight / 2);
    sf::VertexArray quad(sf::TriangleStrip, 4);
    const float w = kWidth, h = kHeight;
    quad[0] = sf::Vertex({0, 0}, {0, 0});
    quad[1] = sf::Vertex({w, 0}, {1, 0});
    quad[2] = sf::Vertex({0, h}, {0, 1});
    quad[3] = sf::Vertex({w, h}, {1, 1});
    sf::RenderStates states;
    states.shader = &shader;
    std::vector<double> shaderTimes;
    for (int i = 0; i < kFrames; ++i) {
        const double start = now();
        if (!target.setActive(true)) return costs;
        yTexture.upload(1, y.data());
        uTexture.upload(2, u.data());
        vTexture.upload(3, v.data());
        target.draw(quad, states);
        finish(target);
        shaderTimes.push_back(now() - start);
    }
    costs.shaderMs = summarise(shaderTimes).median * 1e3;
    return costs;
}

}  // namespace vitrine::bench
