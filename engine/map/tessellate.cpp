#include "map/tessellate.h"

#include <GL/glu.h>

#include <array>
#include <deque>
#include <memory>

namespace vitrine::map {

namespace {

using Vertex = std::array<GLdouble, 3>;

// What the GLU callbacks write into; GLU hands it back as the polygon_data pointer.
struct Collector {
    // GLU keeps pointers to vertices until gluTessEndPolygon, so they need stable
    // addresses: a deque never moves its elements when it grows at the end.
    std::deque<Vertex> vertices;
    std::vector<Point2> triangles;
    std::vector<Point2> primitive;
    GLenum mode = GL_TRIANGLES;
    std::optional<Error> error;

    void flush() {
        const std::size_t n = primitive.size();
        if (mode == GL_TRIANGLES) {
            for (std::size_t i = 0; i + 2 < n; i += 3) {
                triangles.insert(triangles.end(), {primitive[i], primitive[i + 1], primitive[i + 2]});
            }
        } else if (mode == GL_TRIANGLE_FAN) {
            for (std::size_t i = 1; i + 1 < n; ++i) {
                triangles.insert(triangles.end(), {primitive[0], primitive[i], primitive[i + 1]});
            }
        } else if (mode == GL_TRIANGLE_STRIP) {
            // Every other strip triangle is flipped to keep one winding.
            for (std::size_t i = 0; i + 2 < n; ++i) {
                if (i % 2 == 0) {
                    triangles.insert(triangles.end(), {primitive[i], primitive[i + 1], primitive[i + 2]});
                } else {
                    triangles.insert(triangles.end(), {primitive[i + 1], primitive[i], primitive[i + 2]});
                }
            }
        }
        primitive.clear();
    }
};

Collector& collectorOf(void* data) { return *static_cast<Collector*>(data); }

void GLAPIENTRY onBegin(GLenum mode, void* data) {
    Collector& c = collectorOf(data);
    c.mode = mode;
    c.primitive.clear();
}

void GLAPIENTRY onVertex(void* vertex, void* data) {
    const Vertex& v = *static_cast<const Vertex*>(vertex);
    collectorOf(data).primitive.push_back({v[0], v[1]});
}

void GLAPIENTRY onEnd(void* data) { collectorOf(data).flush(); }

// Where edges cross GLU makes a new vertex; it lives in the collector too.
void GLAPIENTRY onCombine(GLdouble coords[3], void* /*neighbours*/[4], GLfloat /*weights*/[4],
                          void** out, void* data) {
    Collector& c = collectorOf(data);
    c.vertices.push_back({coords[0], coords[1], coords[2]});
    *out = &c.vertices.back();
}

void GLAPIENTRY onError(GLenum code, void* data) {
    Collector& c = collectorOf(data);
    if (!c.error) c.error = Error{reinterpret_cast<const char*>(gluErrorString(code))};
}

using TessCallback = void(GLAPIENTRY*)();

struct TessDeleter {
    void operator()(GLUtesselator* t) const { gluDeleteTess(t); }
};

}  // namespace

Tessellation tessellate(const Polygon& polygon) {
    Tessellation result;
    std::unique_ptr<GLUtesselator, TessDeleter> tess(gluNewTess());
    if (!tess) {
        result.error = Error{"GLU could not create a tessellator"};
        return result;
    }
    gluTessCallback(tess.get(), GLU_TESS_BEGIN_DATA, reinterpret_cast<TessCallback>(onBegin));
    gluTessCallback(tess.get(), GLU_TESS_VERTEX_DATA, reinterpret_cast<TessCallback>(onVertex));
    gluTessCallback(tess.get(), GLU_TESS_END_DATA, reinterpret_cast<TessCallback>(onEnd));
    gluTessCallback(tess.get(), GLU_TESS_COMBINE_DATA, reinterpret_cast<TessCallback>(onCombine));
    gluTessCallback(tess.get(), GLU_TESS_ERROR_DATA, reinterpret_cast<TessCallback>(onError));
    gluTessProperty(tess.get(), GLU_TESS_WINDING_RULE, GLU_TESS_WINDING_ODD);
    // All input is planar; saying so spares GLU guessing a normal from nearly
    // collinear rings.
    gluTessNormal(tess.get(), 0.0, 0.0, 1.0);

    Collector collector;
    gluTessBeginPolygon(tess.get(), &collector);
    for (const Ring& ring : polygon.rings) {
        gluTessBeginContour(tess.get());
        // The closing point repeats the first; GLU closes contours itself.
        const std::size_t count = ring.size() > 1 && ring.front() == ring.back() ? ring.size() - 1
                                                                                 : ring.size();
        for (std::size_t i = 0; i < count; ++i) {
            collector.vertices.push_back({ring[i].x, ring[i].y, 0.0});
            Vertex& v = collector.vertices.back();
            gluTessVertex(tess.get(), v.data(), &v);
        }
        gluTessEndContour(tess.get());
    }
    gluTessEndPolygon(tess.get());

    result.triangles = std::move(collector.triangles);
    result.error = std::move(collector.error);
    return result;
}

Tessellation tessellate(const std::vector<Polygon>& polygons) {
    Tessellation all;
    for (const Polygon& polygon : polygons) {
        Tessellation one = tessellate(polygon);
        all.triangles.insert(all.triangles.end(), one.triangles.begin(), one.triangles.end());
        if (!all.error) all.error = std::move(one.error);
    }
    return all;
}

}  // namespace vitrine::map
