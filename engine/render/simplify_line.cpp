#include "render/simplify_line.h"

#include "map/simplify.h"

namespace vitrine::render {

void simplifyLine(const std::vector<sf::Vector2f>& in, float tolerance, std::vector<sf::Vector2f>& out) {
    out.clear();
    if (in.size() < 3) {
        out = in;
        return;
    }
    std::vector<char> keep;
    map::douglasPeucker(in, tolerance, keep);
    for (std::size_t i = 0; i < in.size(); ++i)
        if (keep[i]) out.push_back(in[i]);
}

}  // namespace vitrine::render
