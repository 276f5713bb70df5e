#include "output/warp_output.h"

#include <SFML/Graphics/RenderStates.hpp>

#include <algorithm>

#include "render/viewport.h"

namespace vitrine::output {

namespace {

// The vertex stage passes each fragment's position in unwarped output pixels, computed
// from the raw texture coordinate (canvas pixels) so it is exact whatever the keystone.
const char* const kVertexShader = R"(
#version 120
uniform vec2 regionOrigin;
uniform vec2 regionSize;
uniform vec2 outputSize;
varying vec2 outputPos;
void main() {
    gl_Position = gl_ModelViewProjectionMatrix * gl_Vertex;
    gl_TexCoord[0] = gl_TextureMatrix[0] * gl_MultiTexCoord0;
    gl_FrontColor = gl_Color;
    outputPos = (gl_MultiTexCoord0.xy - regionOrigin) / regionSize * outputSize;
}
)";

// Mirrors installation/blend.cpp: the same ramp, gamma and lift, per fragment.
const char* const kFragmentShader = R"(
#version 120
uniform sampler2D texture;
uniform vec2 outputSize;
uniform vec4 widths;   // left, right, top, bottom
uniform vec4 curves;
uniform vec4 gammas;
uniform float blackLevel;
varying vec2 outputPos;
float ramp(float d, float w, float p, float g) {
    if (w <= 0.0) return 1.0;
    float x = clamp(d / w, 0.0, 1.0);
    float f = x < 0.5 ? 0.5 * pow(2.0 * x, p) : 1.0 - 0.5 * pow(2.0 * (1.0 - x), p);
    return pow(f, 1.0 / g);
}
bool outside(float d, float w) { return w <= 0.0 || d >= w; }
void main() {
    vec4 c = texture2D(texture, gl_TexCoord[0].xy) * gl_Color;
    float dl = outputPos.x, dr = outputSize.x - outputPos.x;
    float dt = outputPos.y, db = outputSize.y - outputPos.y;
    float k = ramp(dl, widths.x, curves.x, gammas.x) * ramp(dr, widths.y, curves.y, gammas.y)
            * ramp(dt, widths.z, curves.z, gammas.z) * ramp(db, widths.w, curves.w, gammas.w);
    bool lifted = outside(dl, widths.x) && outside(dr, widths.y) && outside(dt, widths.z) && outside(db, widths.w);
    float lift = lifted ? blackLevel : 0.0;
    gl_FragColor = vec4(vec3(lift) + (1.0 - lift) * c.rgb * k, 1.0);
}
)";

// The same result as kFragmentShader where every ramp is 1 and the black level is lifted,
// without its twelve pow() calls per pixel.
const char* const kLiftShader = R"(
#version 120
uniform sampler2D texture;
uniform float blackLevel;
void main() {
    vec4 c = texture2D(texture, gl_TexCoord[0].xy) * gl_Color;
    gl_FragColor = vec4(vec3(blackLevel) + (1.0 - blackLevel) * c.rgb, 1.0);
}
)";

}  // namespace

WarpOutput::WarpOutput(std::vector<installation::Output> outputs, sf::Vector2u canvasSize, sf::Vector2u displaySize)
    : outputs_(std::move(outputs)), canvasSize_(canvasSize) {
    if (outputs_.empty()) {
        installation::Output whole;
        whole.id = installation::kWholeDisplayOutputId;
        whole.width = static_cast<int>(canvasSize.x);
        whole.height = static_cast<int>(canvasSize.y);
        whole.sizedByDisplay = true;
        outputs_.push_back(whole);
    }
    for (const auto& o : outputs_) uncorrected_.push_back(installation::rectangleCorners(o.width, o.height));
    // One output of no stated size is the display the player found, whatever its size: the
    // default installation fills a 1280x1024 projector as it does a 1080p one, the canvas
    // scaled to fit and never cut (a 1920x1080 default drew past a smaller screen's edge).
    if (outputs_.size() == 1 && outputs_[0].sizedByDisplay && displaySize.x > 0 && displaySize.y > 0) {
        auto& o = outputs_[0];
        const auto region = regionOf(o);
        const auto fit = render::Viewport::fit(region.width, region.height, displaySize.x, displaySize.y);
        o.width = static_cast<int>(displaySize.x);
        o.height = static_cast<int>(displaySize.y);
        uncorrected_[0] = {installation::Point{fit.offsetX, fit.offsetY},
                           installation::Point{fit.offsetX + fit.width, fit.offsetY},
                           installation::Point{fit.offsetX + fit.width, fit.offsetY + fit.height},
                           installation::Point{fit.offsetX, fit.offsetY + fit.height}};
        if (!o.keystone) o.keystone = uncorrected_[0];
    }
    meshes_.resize(outputs_.size());
    for (std::size_t i = 0; i < outputs_.size(); ++i) buildMesh(i);
    if (!sf::Shader::isAvailable()) {
        problem_ = Error{"this OpenGL has no shaders: edge blending and black level are off"};
    } else if (!shader_.loadFromMemory(kVertexShader, kFragmentShader) ||
               !liftShader_.loadFromMemory(kLiftShader, sf::Shader::Fragment)) {
        problem_ = Error{"the edge-blend shader did not compile: edge blending and black level are off"};
    } else {
        shaderReady_ = true;
    }
}

installation::PixelRect WarpOutput::regionOf(const installation::Output& o) const {
    if (o.canvas) return *o.canvas;
    return {0, 0, static_cast<int>(canvasSize_.x), static_cast<int>(canvasSize_.y)};
}

sf::Vector2u WarpOutput::targetSize() const {
    unsigned w = 0, h = 0;
    for (const auto& o : outputs_) {
        w = std::max(w, static_cast<unsigned>(o.positionX + o.width));
        h = std::max(h, static_cast<unsigned>(o.positionY + o.height));
    }
    return {w, h};
}

void WarpOutput::setKeystone(std::size_t output, const installation::Quad& corners) {
    if (output >= outputs_.size()) return;
    outputs_[output].keystone = corners;
    buildMesh(output);
}

void WarpOutput::buildMesh(std::size_t index) {
    const auto& o = outputs_[index];
    const auto region = regionOf(o);
    const auto rect = installation::rectangleCorners(o.width, o.height);
    // A keystone that folds the image was refused when the file was read; fall back to
    // no correction rather than draw nothing.
    installation::Homography h;
    if (o.keystone)
        if (auto k = installation::Homography::fromCorners(rect, *o.keystone)) h = *k;
    const int n = kMeshDivisions;
    auto vertexAt = [&](int i, int j) {
        double u = static_cast<double>(i) / n, v = static_cast<double>(j) / n;
        auto p = h.apply({u * o.width, v * o.height});
        return sf::Vertex(sf::Vector2f(static_cast<float>(p.x + o.positionX), static_cast<float>(p.y + o.positionY)),
                          sf::Color::White,
                          sf::Vector2f(static_cast<float>(region.x + u * region.width),
                                       static_cast<float>(region.y + v * region.height)));
    };
    // Every pixel of a square lies within its unwarped bounds (the shader's outputPos is
    // interpolated from the corners), so a square wholly inside these bounds has all its
    // ramps at 1 and its black level lifted: the lift-only shader gives the same pixels.
    auto zone = [](const installation::BlendEdge& e) { return std::max(e.width, 0.0); };
    const double left = zone(o.blend.left), right = o.width - zone(o.blend.right);
    const double top = zone(o.blend.top), bottom = o.height - zone(o.blend.bottom);
    auto interior = [&](int i, int j) {
        return static_cast<double>(i) / n * o.width >= left && static_cast<double>(i + 1) / n * o.width <= right &&
               static_cast<double>(j) / n * o.height >= top && static_cast<double>(j + 1) / n * o.height <= bottom;
    };
    Mesh mesh;
    for (int j = 0; j < n; ++j)
        for (int i = 0; i < n; ++i) {
            sf::Vertex a = vertexAt(i, j), b = vertexAt(i + 1, j), c = vertexAt(i + 1, j + 1), d = vertexAt(i, j + 1);
            auto& part = interior(i, j) ? mesh.interior : mesh.edges;
            for (const auto& v : {a, b, c, a, c, d}) part.append(v);
        }
    meshes_[index] = std::move(mesh);
}

void WarpOutput::draw(const sf::Texture& canvas, sf::RenderTarget& target) {
    target.setView(target.getDefaultView());
    target.clear(sf::Color::Black);
    for (std::size_t i = 0; i < outputs_.size(); ++i) {
        const auto& o = outputs_[i];
        const auto region = regionOf(o);
        sf::RenderStates states(&canvas);
        // Every output pixel is written once and opaque: blending would only read the target
        // back, a tenth of this pass on a software renderer.
        states.blendMode = sf::BlendNone;
        const auto& mesh = meshes_[i];
        if (shaderReady_) {
            liftShader_.setUniform("texture", sf::Shader::CurrentTexture);
            liftShader_.setUniform("blackLevel", static_cast<float>(o.blackLevel));
            states.shader = &liftShader_;
        }
        target.draw(mesh.interior, states);
        if (mesh.edges.getVertexCount() == 0) continue;
        if (shaderReady_) {
            shader_.setUniform("texture", sf::Shader::CurrentTexture);
            shader_.setUniform("regionOrigin", sf::Glsl::Vec2(static_cast<float>(region.x), static_cast<float>(region.y)));
            shader_.setUniform("regionSize",
                               sf::Glsl::Vec2(static_cast<float>(region.width), static_cast<float>(region.height)));
            shader_.setUniform("outputSize", sf::Glsl::Vec2(static_cast<float>(o.width), static_cast<float>(o.height)));
            const auto& b = o.blend;
            auto f = [](double v) { return static_cast<float>(v); };
            shader_.setUniform("widths", sf::Glsl::Vec4(f(b.left.width), f(b.right.width), f(b.top.width), f(b.bottom.width)));
            shader_.setUniform("curves", sf::Glsl::Vec4(f(b.left.curve), f(b.right.curve), f(b.top.curve), f(b.bottom.curve)));
            shader_.setUniform("gammas", sf::Glsl::Vec4(f(b.left.gamma), f(b.right.gamma), f(b.top.gamma), f(b.bottom.gamma)));
            shader_.setUniform("blackLevel", f(o.blackLevel));
            states.shader = &shader_;
        }
        target.draw(mesh.edges, states);
    }
}

}  // namespace vitrine::output
