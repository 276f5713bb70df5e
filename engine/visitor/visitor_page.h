#pragma once
// The visitors' phone page: engine/visitor/visitor_page.html (one file, its CSS and script
// inline, for old phone browsers), compiled into the program by the build.

#include <string_view>

namespace vitrine::visitor {

std::string_view visitorPageHtml();

}  // namespace vitrine::visitor
