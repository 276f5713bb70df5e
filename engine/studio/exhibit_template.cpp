#include "studio/exhibit_template.h"

#include "files/atomic_save.h"
#include "studio/text_edit.h"

namespace vitrine::studio {

std::string exhibitTemplate(const std::string& title) {
    return R"(<?xml version="1.0" encoding="UTF-8"?>
<!--
  A new exhibit. Open it in the studio (vitrine-studio exhibit.xml): the preview reloads
  each time this file is saved. Every element and attribute is described, with examples,
  in exhibits/README.md of the Vitrine sources; exhibits/vitrine-exhibit.xsd is its schema.
-->
<exhibit title=")" + escapeAttribute(title) + R"(" size="1920x1080" lang="en" background="#0b0a09"
         default-transition="fade 1.5s">

  <!-- Typography: serif for reading, sans for labels. -->
  <style id="default" font="serif" size="48" color="#efe6d6" line-height="1.45"/>
  <style id="title" font="serif" size="88" weight="bold" align="center" valign="middle"/>
  <style id="label" font="sans" size="34" color="#b8ad9a"/>

  <!-- The reading column: about 52 characters a line. -->
  <region id="heading" x="360" y="120" width="1200" height="60"/>
  <region id="page" x="360" y="200" width="1200" height="760"/>

  <scene id="title" title="Title" dur="12s">
    <text style="title" x="192" y="340" width="1536" height="400" begin="1s" dur="10s" fade="1.5s">)" +
           escapeText(title) + R"(</text>
  </scene>

  <scene id="first" title="First scene" dur="20s">
    <text region="heading" style="label" fade="1s">A heading</text>
    <text region="page" begin="1s" dur="18s" fade="1.2s">
      The words of the first scene. Replace them with the museum's text.
    </text>
  </scene>

</exhibit>
)";
}

Result<std::filesystem::path> createExhibit(const std::filesystem::path& folder) {
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec) return Error{"cannot create " + folder.string() + ": " + ec.message()};
    std::filesystem::path file = folder / "exhibit.xml";
    if (std::filesystem::exists(file, ec))
        return Error{file.string() + " exists already; the studio will not overwrite it"};
    std::string title = folder.filename().empty() ? folder.parent_path().filename().string() : folder.filename().string();
    if (auto failure = saveFileAtomically(file, exhibitTemplate(title))) return *failure;
    return file;
}

}  // namespace vitrine::studio
