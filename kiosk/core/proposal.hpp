#pragma once
// The AI improvement proposal as the session holds it: the constraints window, the prompt
// that was sent, the versions that came back (streamed from a model or pasted by hand) and
// the marks people put beside each paragraph. Plain data inside the View; the engine changes
// it, the AI worker feeds it through events, readers draw it.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/clock.hpp"

namespace kiosk {

enum class ProposalState {
    Collecting,  // phones add constraints; the prompt is not sent yet
    Waiting,     // asked for: the prompt is being built or sent, nothing has come back yet
    Streaming,   // text is arriving
    Done,        // the latest version is complete
    Failed,      // the latest request failed (what arrived is kept, marked incomplete)
    Manual,      // no AI service: the group copies the prompt and pastes the answer back
};

enum class Mark { None, Agree, Question, Risk };  // 👍 ❓ ⚠️

std::string_view to_string(Mark mark);
Mark mark_from(std::string_view name);  // Mark::None for anything unknown

struct ProposalVersion {
    std::string text;        // Markdown, exactly as it came back; never altered
    std::string model;       // the model's name, or "" when pasted by hand
    bool pasted = false;     // from the manual route
    bool complete = false;   // ended normally
    std::string failure;     // why it ended early ("timeout", "http 429", "skipped", ...)
    // paragraph index -> participant number -> mark
    std::map<int, std::map<int, Mark>> marks;
};

struct ProposalView {
    ProposalState state = ProposalState::Collecting;
    Millis window_end{0};  // when the constraints window closes (while Collecting)
    int request = 0;       // counts requests in this session; stale replies carry an older one
    std::string prompt;    // what was sent, after personal data was removed ("" before)
    std::string model;     // the model asked ("" in manual mode)
    int removed = 0;       // personal details taken out before sending
    std::vector<ProposalVersion> versions;  // at most two: the first and one more
    bool show_prompt = false;  // the screen shows the whole prompt

    const ProposalVersion* latest() const { return versions.empty() ? nullptr : &versions.back(); }
    bool may_ask_again() const {
        return versions.size() == 1 && (state == ProposalState::Done || state == ProposalState::Failed);
    }
    bool takes_paste() const {
        return !prompt.empty() && (state == ProposalState::Manual || state == ProposalState::Failed);
    }
};

// A proposal's paragraphs as people mark them: blocks separated by blank lines, with a heading
// line split off its block. The screen and the phones number paragraphs the same way.
struct Paragraph {
    std::string text;
    bool heading = false;  // headings are shown but not marked
};
std::vector<Paragraph> split_paragraphs(std::string_view markdown);

}  // namespace kiosk
