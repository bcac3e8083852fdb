#include "scenes/proposal_scene.hpp"

#include "scenes/markdown_text.hpp"
#include "scenes/note_wall.hpp"
#include "scenes/widgets.hpp"

namespace kiosk::scenes {

namespace {

constexpr ui::Color k_agree{120, 200, 120};
constexpr double k_mark_size = 2.4;  // the marks' largest size (smaller with the text)

bool shows_text(const ProposalView& proposal) {
    return proposal.latest() || proposal.state == ProposalState::Waiting || proposal.state == ProposalState::Manual ||
           proposal.state == ProposalState::Failed;
}

// The marks beside a paragraph, right to left: "+3 ?1 !2", only what was given.
std::vector<std::pair<std::string, ui::Color>> mark_texts(const std::map<int, Mark>& marks) {
    int counts[4] = {0, 0, 0, 0};
    for (const auto& [who, mark] : marks) ++counts[static_cast<int>(mark)];
    const struct {
        Mark mark;
        const char* sign;
        ui::Color color;
    } kinds[] = {{Mark::Risk, "!", ui::Color{235, 110, 100}}, {Mark::Question, "?", theme::warning}, {Mark::Agree, "+", k_agree}};
    std::vector<std::pair<std::string, ui::Color>> texts;
    for (const auto& kind : kinds)
        if (const int count = counts[static_cast<int>(kind.mark)]; count > 0) texts.emplace_back(kind.sign + std::to_string(count), kind.color);
    return texts;
}

// Draws them ending at `right` (with draw false only measures). Returns the width used.
int draw_marks(ui::Canvas& canvas, const std::map<int, Mark>& marks, int right, int y, double size, bool draw = true) {
    int x = right;
    for (const auto& [text, color] : mark_texts(marks)) {
        const ui::TextStyle style{size, Weight::Bold, color};
        const int width = canvas.measure(text, style).x;
        if (draw) canvas.text(text, style, x, y, 0, Align::Right);
        x -= width + canvas.u(size * 0.5);
    }
    return right - x;
}

}  // namespace

std::string failure_reason(const Strings& strings, const std::string& failure) {
    if (failure.rfind("http_", 0) == 0) return strings.format("ai_why_http", {{"code", failure.substr(5)}});
    const auto key = "ai_why_" + failure;
    const auto& text = strings.text(key);
    return text == key ? failure : text;
}

void ProposalScene::draw(ui::Canvas& canvas, const Frame& frame) const {
    StageScene::draw(canvas, frame);
    const auto& proposal = frame.view.proposal;
    if (proposal.show_prompt && !proposal.prompt.empty()) draw_prompt(canvas, frame);
}

bool ProposalScene::shows_title(const Frame& frame) const { return !shows_text(frame.view.proposal); }

std::string ProposalScene::band_text(const Frame& frame) const {
    const auto& proposal = frame.view.proposal;
    if (!shows_text(proposal)) return StageScene::band_text(frame);
    const auto& s = frame.strings;
    std::string band = proposal.latest() ? s.text("ai_marks_legend") : s.text("ai_manual");
    if (!proposal.prompt.empty()) band += "   ·   " + s.text("ai_prompt_hint");
    return band;
}

SDL_Rect ProposalScene::draw_ticking(ui::Canvas& canvas, const Frame& frame) const {
    // While constraints are collected the line above them counts down too: draw it all.
    if (frame.view.proposal.state == ProposalState::Collecting || frame.view.proposal.show_prompt) return {0, 0, 0, 0};
    return StageScene::draw_ticking(canvas, frame);
}

void ProposalScene::draw_middle(ui::Canvas& canvas, const Frame& frame, const SDL_Rect& area) const {
    const auto& view = frame.view;
    if (shows_text(view.proposal)) return draw_proposal(canvas, frame, area);
    const auto& s = frame.strings;
    // While paused the window waits too (the engine moves its end on resume): show it standing still.
    const Millis paused_at = view.timer.deadline - view.timer.remaining_paused;
    const auto left = std::max(Millis{0}, view.proposal.window_end - (view.timer.paused ? paused_at : frame.now));
    const auto line = canvas.text(s.format("ai_collecting", {{"time", format_countdown(left)}}),
                                  {type::label, Weight::Bold, theme::warning}, area.x, area.y, area.w);
    const int y = line.y + line.h + canvas.u(2);
    const SDL_Rect rest{area.x, y, area.w, area.y + area.h - y};
    const auto notes = view.notes_of(view.step);
    if (!notes.empty()) return draw_note_wall(canvas, frame, notes, rest);
    canvas.text_fit(s.text("ai_no_constraints"), {type::body, Weight::Regular, theme::text_soft}, rest, type::label);
}

namespace {

// The label stays on top whatever happens below it: this text is the AI's, to be checked.
// Returns where the text may begin.
int draw_ai_label(ui::Canvas& canvas, const Strings& s, const ProposalView& proposal, const SDL_Rect& area) {
    const auto* latest = proposal.latest();
    std::string label = s.text("ai_label");
    if (latest && latest->pasted) label += "  ·  " + s.text("ai_pasted");
    else if (!proposal.model.empty()) label += "  ·  " + s.format("ai_model", {{"model", latest ? latest->model : proposal.model}});
    if (proposal.versions.size() > 1) label += "  ·  " + s.format("ai_version", {{"n", std::to_string(proposal.versions.size())}});
    const SDL_Rect bar{area.x, area.y, area.w, canvas.u(5)};
    canvas.fill(bar, theme::panel_light);
    canvas.fill({bar.x, bar.y, canvas.u(0.7), bar.h}, theme::warning);
    canvas.text_fit(label, {type::label, Weight::Bold, theme::warning},
                    {bar.x + canvas.u(2), bar.y + canvas.u(1), bar.w - canvas.u(3), bar.h - canvas.u(1.2)}, type::small);
    return bar.y + bar.h + canvas.u(2);
}

// Under the text: why it stopped, and what was removed before sending. Returns where they begin.
int draw_footnotes(ui::Canvas& canvas, const Strings& s, const ProposalView& proposal, const SDL_Rect& area) {
    const auto* latest = proposal.latest();
    struct Line {
        std::string text;
        ui::Color color;
        double size;
    };
    std::vector<Line> notes;
    if (proposal.state == ProposalState::Failed && (!latest || latest->complete)) notes.push_back({s.text("ai_failed"), theme::warning, type::label});
    if (latest && !latest->complete && !latest->failure.empty() && proposal.state != ProposalState::Streaming) {
        notes.push_back({s.format("ai_incomplete", {{"why", failure_reason(s, latest->failure)}}), theme::warning, type::label});
        if (latest->failure != "skipped") notes.push_back({s.text("ai_failed"), theme::warning, type::label});
    }
    if (!proposal.prompt.empty())
        notes.push_back({proposal.removed > 0 ? s.format("ai_removed", {{"n", std::to_string(proposal.removed)}})
                                              : s.text("ai_removed_none"),
                         theme::text_dim, 2.0});
    int bottom = area.y + area.h;
    for (auto note = notes.rbegin(); note != notes.rend(); ++note) {
        const TextStyle style{note->size, Weight::Bold, note->color};
        bottom -= canvas.measure(note->text, style, area.w).y + canvas.u(0.6);
        canvas.text(note->text, style, area.x, bottom, area.w);
    }
    return bottom;
}

// The answer's paragraphs (as phones number them) laid out in one or two columns, with a
// narrow gutter on the right of each column for the marks.
struct ParagraphColumns {
    std::vector<Paragraph> paragraphs;
    std::vector<std::vector<TextBlock>> parsed;
    std::size_t chars = 0;
    bool two_columns = false;
    int gutter = 0, gap = 0, column_width = 0, text_width = 0;

    ParagraphColumns(ui::Canvas& canvas, const ProposalVersion& latest, const SDL_Rect& area) : paragraphs{split_paragraphs(latest.text)} {
        for (const auto& paragraph : paragraphs) {
            parsed.push_back(parse_markdown(paragraph.text));
            chars += paragraph.text.size();
        }
        // Room for the widest marks ("+12 ?4 !4" is wider than 11 units), at their largest size.
        gutter = canvas.u(11);
        for (const auto& [paragraph, marks] : latest.marks)
            gutter = std::max(gutter, draw_marks(canvas, marks, 0, 0, k_mark_size, false) + canvas.u(1));
        gap = canvas.u(3);
        two_columns = chars > 500;
        column_width = two_columns ? (area.w - gap) / 2 : area.w;
        text_width = column_width - gutter;
    }
    int columns() const { return two_columns ? 2 : 1; }
    int height(ui::Canvas& canvas, std::size_t i, double size) const {
        return layout_blocks(canvas, parsed[i], 0, 0, text_width, size, theme::text, false);
    }
    // A heading moves on with the paragraph under it, never left alone at a column's foot.
    bool keeps_next(std::size_t i) const { return paragraphs[i].heading && i + 1 < parsed.size(); }
};

// The largest size at which every paragraph fits (each attempt measures; the textures are
// cached for the draw).
double fitting_size(ui::Canvas& canvas, const ParagraphColumns& text, const SDL_Rect& area) {
    const double sizes[] = {3.2, 2.8, 2.5, 2.2, 2.0};
    const auto fits = [&](double candidate) {
        int column = 0, used = 0;
        for (std::size_t i = 0; i < text.parsed.size(); ++i) {
            const int h = text.height(canvas, i, candidate) + canvas.u(candidate * 0.7);
            const int keep = text.keeps_next(i) ? h + text.height(canvas, i + 1, candidate) : h;
            if (used + keep > area.h && used > 0) {
                if (++column >= text.columns()) return false;
                used = 0;
            }
            used += h;
        }
        return used <= area.h;
    };
    // A cheap first guess from the amount of text skips the sizes that cannot fit.
    std::size_t first = 0;
    while (first < 4 && static_cast<double>(text.chars) * canvas.u(sizes[first]) * canvas.u(sizes[first]) * 0.75 >
                            static_cast<double>(area.h) * area.w * (text.two_columns ? 0.85 : 0.8))
        ++first;
    for (std::size_t i = first; i < 5; ++i)
        if (fits(sizes[i])) return sizes[i];
    return sizes[4];
}

void draw_paragraphs(ui::Canvas& canvas, const ProposalVersion& latest, const SDL_Rect& area) {
    const ParagraphColumns text{canvas, latest, area};
    const double size = fitting_size(canvas, text, area);
    int column = 0, cy = area.y;
    for (std::size_t i = 0; i < text.parsed.size(); ++i) {
        const int h = text.height(canvas, i, size);
        const int keep = text.keeps_next(i) ? h + canvas.u(size * 0.7) + text.height(canvas, i + 1, size) : h;
        if (cy + keep > area.y + area.h && cy > area.y) {
            if (++column >= text.columns()) {
                canvas.text("…", {size, Weight::Bold, theme::text_soft}, area.x + area.w - text.gutter, area.y + area.h - canvas.u(size * 1.4));
                break;
            }
            cy = area.y;
        }
        const int x = area.x + column * (text.column_width + text.gap);
        layout_blocks(canvas, text.parsed[i], x, cy, text.text_width, size, theme::text, true);
        if (const auto marks = latest.marks.find(static_cast<int>(i)); marks != latest.marks.end() && !text.paragraphs[i].heading)
            draw_marks(canvas, marks->second, x + text.column_width, cy, std::min(size, k_mark_size));
        cy += h + canvas.u(size * 0.7);
    }
}

}  // namespace

void ProposalScene::draw_proposal(ui::Canvas& canvas, const Frame& frame, const SDL_Rect& area) const {
    const auto& proposal = frame.view.proposal;
    const auto& s = frame.strings;
    const int y = draw_ai_label(canvas, s, proposal, area);
    const int bottom = draw_footnotes(canvas, s, proposal, area);
    const SDL_Rect text_area{area.x, y, area.w, bottom - canvas.u(1.5) - y};
    if (const auto* latest = proposal.latest()) return draw_paragraphs(canvas, *latest, text_area);
    const auto& line = proposal.state == ProposalState::Waiting  ? s.text("ai_waiting")
                       : proposal.state == ProposalState::Manual ? s.text("ai_manual")
                                                                 : std::string{};
    if (!line.empty()) canvas.text_fit(line, {type::heading, Weight::Bold, theme::text}, text_area, type::body);
}

void ProposalScene::draw_prompt(ui::Canvas& canvas, const Frame& frame) const {
    const auto& s = frame.strings;
    const SDL_Rect panel{canvas.u(4), canvas.u(4), canvas.width() - canvas.u(8), canvas.height() - canvas.u(8)};
    canvas.begin_layer();  // over the stage
    canvas.fill(panel, theme::background);  // opaque: the text behind would only distract
    canvas.frame(panel, theme::accent, 3);
    const auto title = canvas.text(s.text("ai_prompt_title"), {type::heading, Weight::Bold, theme::accent}, panel.x + canvas.u(4),
                                   panel.y + canvas.u(3));
    canvas.text(s.text("ai_prompt_close"), {type::small, Weight::Regular, theme::text_soft}, panel.x + panel.w - canvas.u(4),
                panel.y + canvas.u(4), 0, Align::Right);
    const int y = title.y + title.h + canvas.u(2);
    // Instructions on the left, the request with the group's material on the right.
    const auto& prompt = frame.view.proposal.prompt;
    const auto split = prompt.find("\n\n## ", 1);
    const int width = (panel.w - canvas.u(11)) / 2;
    const int height = panel.y + panel.h - canvas.u(3) - y;
    const TextStyle style{2.0, Weight::Regular, theme::text};
    canvas.text_fit(prompt.substr(0, split), style, {panel.x + canvas.u(4), y, width, height}, 1.1);
    if (split != std::string::npos)
        canvas.text_fit(prompt.substr(split + 2), style, {panel.x + canvas.u(7) + width, y, width, height}, 1.1);
}

}  // namespace kiosk::scenes
