#include "preview_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <string>

#include "render/viewport.h"
#include "studio_panels.h"
#include "media_drop.h"
#include "studio_theme.h"

namespace vitrine::studio {

sf::RenderTexture* PreviewPanel::canvas(sf::Vector2u canvasSize) {
    if (canvasSize.x == 0 || canvasSize.y == 0) return nullptr;
    if (canvasSize != size_) {
        size_ = {0, 0};
        if (!canvas_.create(canvasSize.x, canvasSize.y)) return nullptr;
        canvas_.setSmooth(true);
        size_ = canvasSize;
    }
    return &canvas_;
}

namespace {

void drawErrorBanner(const StudioDocument& doc, ImVec2 origin, ImVec2 avail) {
    // The last good version stays; the first error is written over it.
    const Diagnostic* first = nullptr;
    for (const auto& d : doc.diagnostics().all())
        if (d.severity == Severity::Error) {
            first = &d;
            break;
        }
    std::string line = doc.loadError();
    if (first)
        line = std::filesystem::path(first->where.file).filename().string() + ":" + std::to_string(first->where.line) +
               ": " + first->message;
    std::string banner = doc.show() ? "Showing the last good version. " : "";
    banner += std::to_string(doc.diagnostics().errorCount()) + " error(s) in the file:";
    ImDrawList* list = ImGui::GetWindowDrawList();
    ImVec2 a(origin.x + 16, origin.y + 16), b(origin.x + avail.x - 16, origin.y + 84);
    list->AddRectFilled(a, b, IM_COL32(60, 20, 20, 235), 6);
    list->AddRect(a, b, theme::kError, 6, 0, 1.5f);
    list->AddText(ImVec2(a.x + 14, a.y + 12), theme::kText, banner.c_str());
    list->PushClipRect(a, b, true);
    list->AddText(ImVec2(a.x + 14, a.y + 42), theme::kError, line.c_str());
    list->PopClipRect();
}

}  // namespace

void PreviewPanel::draw(const StudioDocument& doc, float x, float y, float w, float h) {
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    beginPanel("##preview", x, y, w, h, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar);
    ImGui::PopStyleVar();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    shown_.reset();
    if (doc.show() && size_.x > 0) {
        // Letterboxed as the player letterboxes a canvas on a screen of another shape, on
        // whole pixels so the picture is not blurred by half-pixel sampling.
        const auto fit = render::Viewport::fit(size_.x, size_.y, std::max(1.0f, avail.x), std::max(1.0f, avail.y));
        const sf::IntRect rect(static_cast<int>(std::lround(origin.x + fit.offsetX)),
                               static_cast<int>(std::lround(origin.y + fit.offsetY)),
                               static_cast<int>(std::lround(fit.width)), static_cast<int>(std::lround(fit.height)));
        ImGui::GetWindowDrawList()->AddRectFilled(origin, ImVec2(origin.x + avail.x, origin.y + avail.y),
                                                  IM_COL32(0, 0, 0, 255));
        ImGui::SetCursorScreenPos(ImVec2(static_cast<float>(rect.left), static_cast<float>(rect.top)));
        // The render texture is stored bottom-up, as OpenGL keeps it.
        auto id = reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(canvas_.getTexture().getNativeHandle()));
        ImGui::Image(id, ImVec2(static_cast<float>(rect.width), static_cast<float>(rect.height)), ImVec2(0, 1),
                     ImVec2(1, 0));
        shown_ = rect;
        if (auto drop = acceptMediaDrop(DropMarker::Place))  // from the media bin: the drop point in canvas pixels
            mediaDrop_ = {drop->file, CanvasPoint{(drop->at.x - rect.left) * size_.x / rect.width,
                                                  (drop->at.y - rect.top) * size_.y / rect.height}};
    }
    if (doc.showIsStale() || !doc.show()) drawErrorBanner(doc, origin, avail);
    ImGui::End();
}

}  // namespace vitrine::studio
