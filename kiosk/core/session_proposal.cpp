// The AI stage: a short window for constraints, then the prompt is asked for (the app builds
// and sends it and feeds the answer back as events), the answer streams into a version, people
// mark its paragraphs, and the group may ask for one more version or paste an answer by hand.
// Nothing here waits for the AI: every state can be left by the timer or the room's keys.
#include "kiosk/core/session.hpp"

namespace kiosk {

namespace {
// The engine's own bound on one answer; the AI worker cuts much earlier (ai.max_words).
constexpr std::size_t k_max_answer_bytes = 64 * 1024;
}  // namespace

Status Session::toggle_prompt(Event&, Outcome&) {
    if (!m_draft.in_proposal_step() || m_draft.proposal.prompt.empty()) return Status::Ignored;
    m_draft.proposal.show_prompt = !m_draft.proposal.show_prompt;
    return Status::Ok;
}

bool Session::constraints_open() const {
    return !m_draft.in_proposal_step() || m_draft.proposal.state == ProposalState::Collecting;
}

void Session::request_proposal() {
    auto& proposal = m_draft.proposal;
    proposal.state = ProposalState::Waiting;
    proposal.show_prompt = false;
    ++proposal.request;
    m_effects.push_back(Effect::AskAi);
}

void Session::cancel_proposal(const char* why) {
    auto& proposal = m_draft.proposal;
    if (proposal.state != ProposalState::Waiting && proposal.state != ProposalState::Streaming) return;
    if (proposal.state == ProposalState::Streaming) proposal.versions.back().failure = why;
    proposal.state = ProposalState::Failed;
    proposal.show_prompt = false;
    m_effects.push_back(Effect::CancelAi);
}

Status Session::ai_prompt(Event& event, Outcome&) {
    auto& proposal = m_draft.proposal;
    auto& sent = event.as<AiPromptPayload>();
    if (sent.request != proposal.request || proposal.state != ProposalState::Waiting) return Status::Ignored;
    proposal.prompt = sent.prompt;
    proposal.model = sent.model;
    proposal.removed = sent.removed;
    // No model to ask: the group takes the prompt to its own assistant.
    if (sent.model.empty()) proposal.state = ProposalState::Manual;
    return Status::Ok;
}

Status Session::ai_text(Event& event, Outcome&) {
    auto& proposal = m_draft.proposal;
    const auto& piece = event.as<AiTextPayload>();
    if (piece.request != proposal.request || piece.text.empty()) return Status::Ignored;
    if (proposal.state == ProposalState::Waiting) {
        proposal.versions.push_back({});
        proposal.versions.back().model = proposal.model;
        proposal.state = ProposalState::Streaming;
    }
    if (proposal.state != ProposalState::Streaming) return Status::Ignored;
    auto& text = proposal.versions.back().text;
    if (text.size() + piece.text.size() > k_max_answer_bytes) return Status::Ignored;
    text += piece.text;
    return Status::Ok;
}

Status Session::ai_end(Event& event, Outcome&) {
    auto& proposal = m_draft.proposal;
    const auto& end = event.as<AiEndPayload>();
    if (end.request != proposal.request) return Status::Ignored;
    if (proposal.state == ProposalState::Waiting) {
        // Nothing came back. An "ended normally" with no text is a failure too.
        proposal.state = ProposalState::Failed;
        return Status::Ok;
    }
    if (proposal.state != ProposalState::Streaming) return Status::Ignored;
    auto& version = proposal.versions.back();
    version.complete = end.reason.empty();
    version.failure = end.reason;
    proposal.state = version.complete ? ProposalState::Done : ProposalState::Failed;
    return Status::Ok;
}

Status Session::paste_answer(Event& event, Outcome&) {
    if (!m_draft.in_proposal_step()) return Status::NotOpen;
    auto& proposal = m_draft.proposal;
    if (!proposal.takes_paste()) return Status::NotOpen;
    ProposalVersion version;
    version.text = event.as<PastePayload>().text;
    version.pasted = true;
    version.complete = true;
    proposal.versions.push_back(std::move(version));
    proposal.state = ProposalState::Done;
    return Status::Ok;
}

Status Session::mark_paragraph(Event& event, Outcome& outcome) {
    const auto* who = sender(event);
    if (!m_draft.in_proposal_step() || m_draft.proposal.versions.empty()) return Status::NotOpen;
    const auto& wanted = event.as<MarkPayload>();
    auto& version = m_draft.proposal.versions.back();
    const auto paragraphs = split_paragraphs(version.text);
    if (wanted.paragraph >= static_cast<int>(paragraphs.size()) || paragraphs[static_cast<std::size_t>(wanted.paragraph)].heading) {
        outcome.problem.field = "paragraph";  // a heading, or beyond the answer's last paragraph
        return Status::OutOfRange;
    }
    const Mark mark = mark_from(wanted.mark);  // a Choice field: one of the names, or "" (clears)
    auto& marks = version.marks[wanted.paragraph];
    const auto found = marks.find(who->number);
    const Mark before = found == marks.end() ? Mark::None : found->second;
    if (before == mark) return Status::Ignored;
    if (mark == Mark::None) marks.erase(found);
    else marks[who->number] = mark;
    return Status::Ok;
}

Status Session::ask_again(Event& event, Outcome&) {
    if (!m_draft.in_proposal_step()) return event.from.is_participant() ? Status::NotOpen : Status::Ignored;
    if (!m_draft.proposal.may_ask_again()) return Status::NotOpen;
    request_proposal();
    return Status::Ok;
}

std::string_view to_string(Mark mark) {
    switch (mark) {
    case Mark::None: return "";
    case Mark::Agree: return "agree";
    case Mark::Question: return "question";
    case Mark::Risk: return "risk";
    }
    return "";
}

Mark mark_from(std::string_view name) {
    for (const Mark mark : {Mark::Agree, Mark::Question, Mark::Risk})
        if (to_string(mark) == name) return mark;
    return Mark::None;
}

std::vector<Paragraph> split_paragraphs(std::string_view markdown) {
    std::vector<Paragraph> paragraphs;
    std::string block;
    const auto flush = [&] {
        if (!block.empty()) paragraphs.push_back({std::move(block), false});
        block.clear();
    };
    std::size_t at = 0;
    while (at <= markdown.size()) {
        auto end = markdown.find('\n', at);
        if (end == std::string_view::npos) end = markdown.size();
        auto line = markdown.substr(at, end - at);
        const auto first = line.find_first_not_of(" \t\r");
        if (first == std::string_view::npos) {
            flush();
        } else if (line[first] == '#' && first < 4) {
            // An ATX heading is a paragraph of its own, even without blank lines around it.
            flush();
            paragraphs.push_back({std::string{line.substr(first)}, true});
        } else {
            if (!block.empty()) block += '\n';
            block += line;
        }
        at = end + 1;
    }
    flush();
    return paragraphs;
}

}  // namespace kiosk
