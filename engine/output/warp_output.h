#pragma once
// The last step before the projectors: the canvas is cut into one region per output,
// each drawn through its keystone homography as a subdivided mesh, then faded at the
// blend edges and lifted to the black level by a fragment shader. Mesh squares that lie
// wholly outside every blend zone take a shader without the ramp: its pow() calls made
// the whole step ~3× slower than the texture sampling on software GL (issue #8).

#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/Shader.hpp>
#include <SFML/Graphics/Texture.hpp>
#include <SFML/Graphics/VertexArray.hpp>

#include <optional>
#include <vector>

#include "base/error.h"
#include "installation/installation.h"

namespace vitrine::output {

/// Draws a canvas texture onto the projector outputs described by the installation.
class WarpOutput {
public:
    /// Squares per side of each output's mesh: enough that the linear texture
    /// interpolation inside a square is within a fraction of a pixel of the homography.
    static constexpr int kMeshDivisions = 32;

    /// `outputs` empty means one output showing the whole canvas. That output, or a lone
    /// output with no resolution, is the whole `displaySize` (when known) with the canvas
    /// letterboxed in it; otherwise the empty case is the canvas at `canvasSize`.
    WarpOutput(std::vector<installation::Output> outputs, sf::Vector2u canvasSize, sf::Vector2u displaySize = {});

    /// False when the blend shader could not be compiled (the image is then drawn
    /// warped but without blending, and `problem()` says why).
    bool shaderReady() const { return shaderReady_; }
    const std::optional<Error>& problem() const { return problem_; }

    /// The size of a window that holds every output at its position.
    sf::Vector2u targetSize() const;
    /// The outputs as drawn (with defaults filled in).
    const std::vector<installation::Output>& outputs() const { return outputs_; }
    /// Where an output's corners lie without calibration: its whole image, or the
    /// letterboxed canvas on a display-sized output (calibration's reset).
    installation::Quad uncorrectedCorners(std::size_t output) const { return uncorrected_[output]; }
    /// Replaces one output's keystone corners (calibration) and rebuilds its mesh.
    void setKeystone(std::size_t output, const installation::Quad& corners);

    /// Clears `target` to black and draws `canvas` onto every output.
    void draw(const sf::Texture& canvas, sf::RenderTarget& target);

private:
    void buildMesh(std::size_t output);
    installation::PixelRect regionOf(const installation::Output& o) const;

    std::vector<installation::Output> outputs_;
    std::vector<installation::Quad> uncorrected_;
    sf::Vector2u canvasSize_;
    /// One output's mesh, its squares split by which shader they need.
    struct Mesh {
        sf::VertexArray interior{sf::Triangles};  // outside every blend zone: lift only
        sf::VertexArray edges{sf::Triangles};     // touching a blend zone: ramp and lift
    };
    std::vector<Mesh> meshes_;
    sf::Shader shader_;      // ramp + lift, for the squares in the blend zones
    sf::Shader liftShader_;  // lift only, for the rest
    bool shaderReady_ = false;
    std::optional<Error> problem_;
};

}  // namespace vitrine::output
