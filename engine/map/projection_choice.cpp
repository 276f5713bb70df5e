#include "map/projection_choice.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace vitrine::map {
namespace {

// A conic's standard parallels sit a sixth of the view's height inside its edges, which
// keeps the scale error of a regional map under a fraction of a percent.
constexpr double kStandardParallelInset = 1.0 / 6.0;
// The parallels' sum below which a conic degenerates into a cylinder (cone constant 0).
constexpr double kMinConeParallelSum = 1.0;
// A view wider or taller than these (degrees) is a world map for the automatic choice: a
// conic over 60° of latitude already varies in scale by 17% from its middle to its edges,
// and over a third of the globe in longitude its parallels bend into a fan.
constexpr double kWorldViewLongitudes = 120.0;
constexpr double kWorldViewLatitudes = 60.0;

// The automatic choice, as a cartographer makes it from the view's extent (Snyder 1987,
// "Choosing a projection"): the world or a hemisphere in an equal-area projection; a
// region near the equator in Mercator; any other region in a conic.
std::string automaticProjection(const Box& b) {
    if (b.east - b.west > kWorldViewLongitudes || b.north - b.south > kWorldViewLatitudes) return "equal-earth";
    return "lambert";  // the conic falls back to Mercator astride the equator, below
}

}  // namespace

// A view's first corner is its west edge and the second its east, as GeoJSON's bounding
// boxes are (RFC 7946 §5.2): a west edge east of the east edge runs across the 180°
// meridian, held unwrapped (east beyond 180) so the box stays one span. Latitudes may
// come in either order.
Box boxFromView(const std::pair<LonLat, LonLat>& v) {
    const double west = v.first.lon;
    const double east = v.second.lon < west ? v.second.lon + 360.0 : v.second.lon;
    return Box{west, std::min(v.first.lat, v.second.lat), east, std::max(v.first.lat, v.second.lat)};
}

ProjectionSpec chooseProjection(const std::string& asked, const std::optional<Box>& view) {
    ProjectionSpec s;
    Box b = view.value_or(Box{-30.0, 30.0, 60.0, 60.0});
    const std::string name = asked == "auto" ? automaticProjection(b) : asked;
    // Folded into [-180, 180] so a view across the seam keys its projection as any other.
    s.centralMeridian = std::remainder((b.west + b.east) / 2.0, 360.0);
    s.originLatitude = (b.south + b.north) / 2.0;
    if (name == "mercator") {
        s.kind = ProjectionKind::WebMercator;
        s.centralMeridian = s.originLatitude = 0;
    } else if (name == "equirectangular") {
        s.kind = ProjectionKind::Equirectangular;
        s.parallel1 = s.originLatitude;
    } else if (name == "equal-earth") {
        s.kind = ProjectionKind::EqualEarth;
        s.originLatitude = 0;
    } else {
        s.kind = ProjectionKind::LambertConformalConic;
        double inset = (b.north - b.south) * kStandardParallelInset;
        s.parallel1 = b.south + inset;
        s.parallel2 = b.north - inset;
        if (std::abs(s.parallel1 + s.parallel2) < kMinConeParallelSum) {
            s.kind = ProjectionKind::WebMercator;  // a view across the equator: a cylinder
            s.centralMeridian = s.originLatitude = s.parallel1 = s.parallel2 = 0;
        }
    }
    return s;
}

Projection ProjectionSpec::make() const {
    switch (kind) {
        case ProjectionKind::WebMercator: return Projection::webMercator();
        case ProjectionKind::Equirectangular: return Projection::equirectangular(parallel1, centralMeridian);
        case ProjectionKind::LambertConformalConic:
            return Projection::lambertConformalConic(parallel1, parallel2, originLatitude, centralMeridian);
        case ProjectionKind::EqualEarth: return Projection::equalEarth(centralMeridian);
    }
    return Projection::webMercator();
}

std::string ProjectionSpec::key() const {
    std::ostringstream s;
    s.precision(12);
    s << int(kind) << ':' << parallel1 << ':' << parallel2 << ':' << originLatitude << ':' << centralMeridian;
    return s.str();
}

}  // namespace vitrine::map
