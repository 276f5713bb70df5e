#include "style_editor_panel.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>

#include "base/color_contrast.h"
#include "studio/style_contrast.h"
#include "studio/style_edits.h"
#include "studio/style_sample.h"
#include "studio_panels.h"
#include "studio_theme.h"
#include "timeline/evaluate.h"

namespace vitrine::studio {
namespace {

constexpr float kWindowWidth = 760, kWindowHeight = 780;
constexpr float kListWidth = 190;
constexpr float kLabelWidth = 120;

// A colour as the exhibit writes it: #rrggbb, or #rrggbbaa when translucent.
std::string written(Color c) {
    char out[16];
    if (c.a == 255) std::snprintf(out, sizeof out, "#%02x%02x%02x", c.r, c.g, c.b);
    else std::snprintf(out, sizeof out, "#%02x%02x%02x%02x", c.r, c.g, c.b, c.a);
    return out;
}

std::string number(double v) {
    char out[32];
    std::snprintf(out, sizeof out, "%g", std::round(v * 100) / 100);
    return out;
}

void label(const char* text) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(colour(theme::kDimText), "%s", text);
    ImGui::SameLine(kLabelWidth);
    ImGui::SetNextItemWidth(-1);
}

// A choice among words: the attribute's new value when another is picked.
std::optional<std::string> choice(const char* id, const std::string& current, std::initializer_list<const char*> words) {
    std::optional<std::string> picked;
    if (ImGui::BeginCombo(id, current.c_str())) {
        for (const char* w : words)
            if (ImGui::Selectable(w, current == w) && current != w) picked = w;
        ImGui::EndCombo();
    }
    return picked;
}

float channel(std::uint8_t v) { return v / 255.0f; }
std::uint8_t byte(float v) { return static_cast<std::uint8_t>(std::lround(std::clamp(v, 0.0f, 1.0f) * 255)); }

}  // namespace

void StyleEditorPanel::open(const std::string& id) {
    open_ = true;
    placed_ = false;
    if (!id.empty()) chosen_ = id;
}

StyleEditorRequest StyleEditorPanel::draw(const StudioDocument& doc, render::RenderResources& resources, ImFont* large) {
    StyleEditorRequest request;
    if (!open_) return request;
    const Script* script = doc.script();
    const Show* show = doc.show();
    if (!placed_) {
        // Over the middle of the studio the first time it opens; the designer may move it.
        ImVec2 display = ImGui::GetIO().DisplaySize;
        const float width = std::min(kWindowWidth, display.x - 40), height = std::min(kWindowHeight, display.y - 60);
        ImGui::SetNextWindowPos(ImVec2((display.x - width) / 2, std::max(50.0f, (display.y - height) / 2)));
        ImGui::SetNextWindowSize(ImVec2(width, height));
        placed_ = true;
    }
    if (!ImGui::Begin("Styles", &open_, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings) || !script || !show) {
        ImGui::End();
        return request;
    }
    std::vector<std::string> ids = styleIds(*script);
    if (findStyle(*script, chosen_) == nullptr) chosen_ = ids.empty() ? std::string() : ids.front();

    // The list of styles, and making, renaming and deleting them.
    ImGui::BeginChild("##style-list", ImVec2(kListWidth, 0), true);
    for (const auto& id : ids)
        if (ImGui::Selectable(id.c_str(), id == chosen_)) {
            chosen_ = id;
            renameTo_.clear();
        }
    ImGui::Separator();
    ImGui::TextColored(colour(theme::kDimText), "New style");
    ImGui::SetNextItemWidth(-1);
    bool enter = ImGui::InputTextWithHint("##new-style", "name", &newName_, ImGuiInputTextFlags_EnterReturnsTrue);
    if ((ImGui::Button("Add style", ImVec2(-1, 0)) || enter) && !newName_.empty()) {
        request.create = newName_;
        newName_.clear();
    }
    ImGui::EndChild();
    ImGui::SameLine();

    ImGui::BeginChild("##style-properties", ImVec2(0, 0), false);
    if (chosen_.empty()) {
        ImGui::TextDisabled("This exhibit has no styles yet: add one on the left.");
        ImGui::EndChild();
        ImGui::End();
        return request;
    }
    TextStyle style = resolvedStyle(*script, chosen_, show->canvas);
    if (pendingColour_) {
        if (pendingColour_->first == "color") style.color = pendingColour_->second;
        else style.background = pendingColour_->second;
    }
    ImGui::PushFont(large);
    ImGui::Text("%s", chosen_.c_str());
    ImGui::PopFont();
    auto uses = styleUses(*script, chosen_);
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(colour(theme::kDimText), "%s",
                       chosen_ == "default" ? "The style of every text that names none; the others start from it"
                       : uses.empty()       ? "Not used yet"
                                            : ("Used by " + describeUses(uses, 3)).c_str());
    ImGui::PopTextWrapPos();
    ImGui::Separator();
    drawProperties(style, request);

    ImGui::Separator();
    ShownBackground shown = backgroundWhereShown(*show, *script, chosen_);
    drawSample(doc, style, shown.color, resources, ImGui::GetContentRegionAvail().x);
    StyleContrast contrast = styleContrast(style, shown);
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(colour(contrast.warn ? theme::kWarning : theme::kText), "Contrast %s%s",
                       formatRatio(contrast.ratio).c_str(), contrast.warn ? "  (low)" : "");
    ImGui::TextColored(colour(theme::kDimText), "%s", contrast.verdict.c_str());
    ImGui::PopTextWrapPos();

    ImGui::Separator();
    label("Rename to");
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - 110);
    bool renameEnter = ImGui::InputTextWithHint("##rename", chosen_.c_str(), &renameTo_, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    if ((ImGui::Button("Rename", ImVec2(-1, 0)) || renameEnter) && !renameTo_.empty() && renameTo_ != chosen_) {
        request.rename = renameTo_;
        renameTo_.clear();
    }
    ImGui::Spacing();
    if (ImGui::Button("Delete style")) request.remove = true;
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(colour(theme::kDimText), "%s", uses.empty() ? "nothing uses it" : "only once nothing uses it");
    ImGui::EndChild();
    ImGui::End();
    return request;
}

void StyleEditorPanel::drawProperties(const TextStyle& style, StyleEditorRequest& request) {
    auto set = [&](const char* attribute, std::string value) { request.set = {attribute, std::move(value)}; };
    label("Font");
    if (auto f = choice("##font", style.font, {"serif", "sans"})) set("font", *f);
    label("Size (px)");
    int size = static_cast<int>(std::lround(style.size));
    if (ImGui::InputInt("##size", &size, 1, 4) && size > 0) set("size", std::to_string(size));
    label("Weight");
    if (auto w = choice("##weight", style.bold ? "bold" : "normal", {"normal", "bold"})) set("weight", *w);
    label("Italic");
    bool italic = style.italic;
    if (ImGui::Checkbox("##italic", &italic)) set("italic", italic ? "true" : "false");
    label("Align");
    const char* align = style.align == TextStyle::Align::Center ? "center" : style.align == TextStyle::Align::Right ? "right" : "left";
    if (auto a = choice("##align", align, {"left", "center", "right"})) set("align", *a);

    // Colours: a picker changes the sample while dragged and writes the value once released.
    auto colourField = [&](const char* name, const char* attribute, Color current) {
        label(name);
        float rgba[4] = {channel(current.r), channel(current.g), channel(current.b), channel(current.a)};
        ImGui::PushID(attribute);
        if (ImGui::ColorEdit4("##colour", rgba, ImGuiColorEditFlags_AlphaBar | ImGuiColorEditFlags_AlphaPreviewHalf | ImGuiColorEditFlags_DisplayHex))
            pendingColour_ = {attribute, Color{byte(rgba[0]), byte(rgba[1]), byte(rgba[2]), byte(rgba[3])}};
        ImGui::PopID();
    };
    colourField("Colour", "color", style.color);
    label("Background box");
    bool box = style.background.a > 0;
    if (ImGui::Checkbox("##box", &box)) set("background", box ? "#000000cc" : "transparent");
    if (box) colourField("Box colour", "background", style.background);
    if (pendingColour_ && !ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
        set(pendingColour_->first.c_str(), written(pendingColour_->second));
        pendingColour_.reset();
    }
    label("Line spacing");
    float lineHeight = static_cast<float>(style.lineHeight);
    if (ImGui::InputFloat("##line-height", &lineHeight, 0.05f, 0.1f, "%.2f") && lineHeight > 0)
        set("line-height", number(lineHeight));
    label("Padding (px)");
    int padding = static_cast<int>(std::lround(style.padding));
    if (ImGui::InputInt("##padding", &padding, 2, 8) && padding >= 0) set("padding", std::to_string(padding));
}

void StyleEditorPanel::drawSample(const StudioDocument& doc, const TextStyle& style, const Color& background,
                                  render::RenderResources& resources, float width) {
    const Show& show = *doc.show();
    // Half the canvas's width and a quarter of its height: sizes stay true to the canvas, and
    // the words break as they would in a box of that width.
    PixelSize size{std::max(2, show.canvas.width / 2), std::max(2, show.canvas.height / 4)};
    char key[160];
    std::snprintf(key, sizeof key, "%d|%s|%s|%s", doc.showGeneration(), chosen_.c_str(), written(style.color).c_str(),
                  written(style.background).c_str());
    if (key != sampleKey_ || !sampleRenderer_) {
        sampleKey_ = key;
        sampleRenderer_.reset();
        sampleShow_ = std::make_unique<Show>(styleSampleShow(style, background, size, sampleWords(*doc.script(), chosen_)));
        sampleRenderer_ = std::make_unique<render::FrameRenderer>(*sampleShow_, resources.text(), resources.textures());
        if (sampleTexture_.getSize() != sf::Vector2u(size.width, size.height))
            sampleTexture_.create(static_cast<unsigned>(size.width), static_cast<unsigned>(size.height));
        sampleRenderer_->render(evaluate(*sampleShow_, sampleShow_->duration / 2), sampleTexture_, render::MediaWait::Always);
        sampleTexture_.display();
    }
    float height = width * static_cast<float>(size.height) / static_cast<float>(size.width);
    auto id = reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(sampleTexture_.getTexture().getNativeHandle()));
    ImGui::Image(id, ImVec2(width, height), ImVec2(0, 1), ImVec2(1, 0));
}

}  // namespace vitrine::studio
