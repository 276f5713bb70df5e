#include <doctest/doctest.h>

#include "script/suggest.h"

using namespace vitrine;

TEST_CASE("edit distance counts insertions, deletions and substitutions") {
    CHECK(editDistance("colr", "color") == 1);
    CHECK(editDistance("imagee", "image") == 1);
    CHECK(editDistance("kitten", "sitting") == 3);
    CHECK(editDistance("Scene", "scene") == 0);
}

TEST_CASE("suggestions are offered only for likely typos") {
    std::vector<std::string> names = {"begin", "dur", "end", "fill", "repeat"};
    CHECK(closestMatch("begn", names) == "begin");
    CHECK(closestMatch("duration", names) == std::nullopt);
    CHECK(didYouMean("fil", names) == "did you mean 'fill'?");
    CHECK(didYouMean("xyzzy", names, "none") == "none");
}
