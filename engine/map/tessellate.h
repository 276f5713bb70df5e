#pragma once
// Polygons (with holes, self-touching, or several at once) into triangles the
// GPU can fill, using the GLU tessellator. GLU needs no GL context for this.

#include "base/error.h"
#include "map/geometry.h"

#include <optional>
#include <vector>

namespace vitrine::map {

/// Triangles as a flat list, three points per triangle, in the polygons' coordinates.
struct Tessellation {
    std::vector<Point2> triangles;
    std::optional<Error> error;  // GLU's message when it gave up (the triangles made so far are kept)
    /// True when GLU reported no error.
    bool ok() const { return !error; }
};

/// Triangulates one polygon by the odd winding rule (a hole is any odd-nested ring).
Tessellation tessellate(const Polygon& polygon);

/// Triangulates each polygon on its own and concatenates the triangles; the first
/// error is kept and the remaining polygons are still done.
Tessellation tessellate(const std::vector<Polygon>& polygons);

}  // namespace vitrine::map
