#include "studio/element_path.h"

#include <doctest/doctest.h>

#include "script/script_loader.h"

namespace vitrine::studio {

TEST_CASE("element path: names an element by name and place among same-named siblings, and finds it in another text") {
    Diagnostics diagnostics;
    auto first = loadScriptFromText(R"(<exhibit><scene id="a"><text>one</text></scene>
<scene id="b"><image src="x.png"/><text>two</text><text>three</text></scene></exhibit>)",
                                    "e.xml", diagnostics, diskFileReader());
    REQUIRE(first);
    const ScriptNode& three = first->root.children[1].children[2];
    REQUIRE(three.plainText() == "three");
    auto path = pathOf(first->root, three);
    REQUIRE(path);
    CHECK(path->describe() == "exhibit/scene[2]/text[2]");

    // The same element in a text changed elsewhere (a scene inserted before, lines moved).
    auto second = loadScriptFromText(R"(<exhibit><scene id="a"><text>one</text></scene>
<!-- a comment -->

<scene id="b"><image src="x.png"/><text>two</text><text>three</text></scene><scene id="c"/></exhibit>)",
                                     "e.xml", diagnostics, diskFileReader());
    REQUIRE(second);
    const ScriptNode* found = findElement(second->root, *path);
    REQUIRE(found);
    CHECK(found->plainText() == "three");
    CHECK(found->where.line == 4);

    // Gone: the scene has one text now.
    auto third = loadScriptFromText(R"(<exhibit><scene id="a"/><scene id="b"><text>two</text></scene></exhibit>)", "e.xml",
                                    diagnostics, diskFileReader());
    REQUIRE(third);
    CHECK(findElement(third->root, *path) == nullptr);
    CHECK(findElement(third->root, ElementPath{}) == &third->root);
    CHECK_FALSE(pathOf(first->root, third->root));
}

}  // namespace vitrine::studio
