// The AI stage in the engine: the constraints window, when the prompt is asked for, answers
// streaming into versions, failures keeping what arrived, the manual route, marks, the second
// version, and the stage never waiting for the AI.
#include <catch2/catch.hpp>

#include "tests/engine_room.hpp"

using namespace kiosk;
using namespace std::chrono_literals;
using testing::Room;

namespace {

constexpr int k_ai_step = 4;

SessionRules window(Millis length) {
    SessionRules rules;
    rules.constraints_window = length;
    return rules;
}

// What the AI worker would send back.
Event from_ai(EventKind kind, int request, std::string text = "") {
    switch (kind) {
    case EventKind::AiPrompt: return {kind, Sender::system(), AiPromptPayload{request, std::move(text), "", 0}};
    case EventKind::AiText: return {kind, Sender::system(), AiTextPayload{request, std::move(text)}};
    default: return {kind, Sender::system(), AiEndPayload{request, std::move(text)}};
    }
}

int asks(Room& room) {
    int count = 0;
    for (const auto effect : room.engine.take_effects()) count += effect == Effect::AskAi;
    return count;
}

// The prompt came back built and a model is asked.
void prompt_sent(Room& room, const std::string& model = "llama3") {
    auto sent = from_ai(EventKind::AiPrompt, room.view().proposal.request, "## Instructies\n...");
    sent.as<AiPromptPayload>().model = model;
    sent.as<AiPromptPayload>().removed = 2;
    REQUIRE(room.send(sent).ok());
}

Outcome mark(Room& room, int n, int paragraph, const std::string& name) {
    auto event = room.from(n, EventKind::MarkParagraph);
    event.as<MarkPayload>().paragraph = paragraph;
    event.as<MarkPayload>().mark = name;
    return room.send(event);
}

}  // namespace

TEST_CASE("Phones add constraints during the window, when it closes the prompt is asked for once") {
    Room room{window(90s)};
    room.open_at(k_ai_step, 2);
    room.engine.take_effects();
    CHECK(room.view().proposal.state == ProposalState::Collecting);
    CHECK(room.add(1, "Geen extra budget").ok());
    room.wait(89s);
    CHECK(asks(room) == 0);
    room.wait(1s);
    CHECK(room.view().proposal.state == ProposalState::Waiting);
    CHECK(room.view().proposal.request == 1);
    CHECK(asks(room) == 1);
    CHECK(room.add(2, "Te laat").status == Status::NotOpen);  // the prompt is on its way
    CHECK(room.view().notes_of(k_ai_step).size() == 1);
    CHECK(room.step_id() == "ai-voorstel");  // the stage itself goes on
}

TEST_CASE("Enter on the kiosk or everyone ready sends the prompt before the window ends") {
    Room by_key{window(90s)};
    by_key.open_at(k_ai_step, 2);
    by_key.engine.take_effects();
    by_key.press(EventKind::Start);
    CHECK(by_key.view().proposal.state == ProposalState::Waiting);
    CHECK(asks(by_key) == 1);
    by_key.press(EventKind::Start);  // a second press does not ask again
    CHECK(asks(by_key) == 0);

    Room by_ready{window(90s)};
    by_ready.open_at(k_ai_step, 2);
    by_ready.engine.take_effects();
    by_ready.set_ready(1);
    CHECK(by_ready.view().proposal.state == ProposalState::Collecting);
    by_ready.set_ready(2);
    CHECK(by_ready.view().proposal.state == ProposalState::Waiting);
    CHECK(by_ready.step_id() == "ai-voorstel");
    CHECK(by_ready.view().activity.ready.empty());  // ready again means: done with the proposal

    Room at_once{window(0s)};
    at_once.open_at(k_ai_step, 1);
    CHECK(at_once.view().proposal.state == ProposalState::Waiting);
}

TEST_CASE("The answer streams into a version under the model's name, stale pieces are ignored") {
    Room room{window(0s)};
    room.open_at(k_ai_step, 2);
    prompt_sent(room);
    CHECK(room.view().proposal.prompt == "## Instructies\n...");
    CHECK(room.view().proposal.removed == 2);
    CHECK(room.send(from_ai(EventKind::AiText, 1, "## Voorstel\n\nEen ")).ok());
    CHECK(room.view().proposal.state == ProposalState::Streaming);
    CHECK(room.send(from_ai(EventKind::AiText, 1, "checklist.")).ok());
    CHECK(room.send(from_ai(EventKind::AiText, 7, "van een ander verzoek")).status == Status::Ignored);
    CHECK(room.send(from_ai(EventKind::AiEnd, 1)).ok());
    const auto& proposal = room.view().proposal;
    REQUIRE(proposal.versions.size() == 1);
    CHECK(proposal.latest()->text == "## Voorstel\n\nEen checklist.");
    CHECK(proposal.latest()->model == "llama3");
    CHECK(proposal.latest()->complete);
    CHECK(proposal.state == ProposalState::Done);
    CHECK(room.send(from_ai(EventKind::AiText, 1, "na het einde")).status == Status::Ignored);
}

TEST_CASE("A failure keeps what arrived, marked incomplete, and opens the manual route") {
    Room room{window(0s)};
    room.open_at(k_ai_step, 1);
    prompt_sent(room);
    room.send(from_ai(EventKind::AiText, 1, "Half"));
    room.send(from_ai(EventKind::AiEnd, 1, "stalled"));
    const auto& proposal = room.view().proposal;
    CHECK(proposal.state == ProposalState::Failed);
    CHECK(proposal.latest()->text == "Half");
    CHECK_FALSE(proposal.latest()->complete);
    CHECK(proposal.latest()->failure == "stalled");
    CHECK(proposal.takes_paste());

    // A failure before anything arrived: no version, the same calm way out.
    Room silent{window(0s)};
    silent.open_at(k_ai_step, 1);
    prompt_sent(silent);
    silent.send(from_ai(EventKind::AiEnd, 1, "http_529"));
    CHECK(silent.view().proposal.state == ProposalState::Failed);
    CHECK(silent.view().proposal.versions.empty());
    auto paste = silent.from(1, EventKind::PasteAnswer);
    paste.as<PastePayload>().text = "## Voorstel\r\n\r\nZelf gevraagd.";
    CHECK(silent.send(paste).ok());
    CHECK(silent.view().proposal.latest()->text == "## Voorstel\n\nZelf gevraagd.");
    CHECK(silent.view().proposal.latest()->pasted);
}

TEST_CASE("Manual mode: the prompt is shown, one phone pastes the answer, it shows like a streamed one") {
    Room room{window(0s)};
    room.open_at(k_ai_step, 2);
    prompt_sent(room, "");  // no model: manual
    CHECK(room.view().proposal.state == ProposalState::Manual);
    auto paste = room.from(2, EventKind::PasteAnswer);
    paste.as<PastePayload>().text = "## Voorstel\n\nDoe het zo.\n\n- stap een\n- stap twee";
    CHECK(room.send(paste).ok());
    const auto& proposal = room.view().proposal;
    CHECK(proposal.state == ProposalState::Done);
    CHECK(proposal.latest()->complete);
    paste.as<PastePayload>().text = "nog een";
    CHECK(room.send(paste).status == Status::NotOpen);  // only while an answer is awaited
    auto hostile = room.from(1, EventKind::PasteAnswer);
    hostile.as<PastePayload>().text = "\x1b[2J";
    Room other{window(0s)};
    other.open_at(k_ai_step, 1);
    prompt_sent(other, "");
    hostile.from = Sender::participant(Room::key(1));
    hostile.as<PastePayload>().stage = "ai-voorstel";
    CHECK(other.send(hostile).status == Status::BadText);
    CHECK(other.view().proposal.versions.empty());
}

TEST_CASE("Phones mark paragraphs, a tap again takes the mark back, headings are not marked") {
    Room room{window(0s)};
    room.open_at(k_ai_step, 3);
    prompt_sent(room);
    room.send(from_ai(EventKind::AiText, 1, "## Voorstel\nEen checklist.\n\nNog een alinea."));
    room.send(from_ai(EventKind::AiEnd, 1));
    const auto paragraphs = split_paragraphs(room.view().proposal.latest()->text);
    REQUIRE(paragraphs.size() == 3);
    CHECK(paragraphs[0].heading);
    CHECK(mark(room, 1, 1, "agree").ok());
    CHECK(mark(room, 2, 1, "risk").ok());
    CHECK(mark(room, 3, 2, "question").ok());
    CHECK(mark(room, 1, 1, "agree").status == Status::Ignored);
    CHECK(mark(room, 1, 0, "agree").status == Status::OutOfRange);
    CHECK(mark(room, 1, 9, "agree").status == Status::OutOfRange);
    CHECK(mark(room, 1, 1, "love").status == Status::BadChoice);
    const auto& marks = room.view().proposal.latest()->marks;
    CHECK(marks.at(1).at(1) == Mark::Agree);
    CHECK(marks.at(1).at(2) == Mark::Risk);
    CHECK(marks.at(2).at(3) == Mark::Question);
    CHECK(mark(room, 2, 1, "").ok());  // cleared
    CHECK(room.view().proposal.latest()->marks.at(1).count(2) == 0);
}

TEST_CASE("The group may ask for a second version once, the first is kept") {
    Room room{window(0s)};
    room.open_at(k_ai_step, 1);
    prompt_sent(room);
    room.send(from_ai(EventKind::AiText, 1, "Eerste."));
    room.send(from_ai(EventKind::AiEnd, 1));
    room.engine.take_effects();
    CHECK(room.send(room.from(1, EventKind::AskAgain)).ok());
    CHECK(asks(room) == 1);
    CHECK(room.view().proposal.request == 2);
    prompt_sent(room);
    room.send(from_ai(EventKind::AiText, 2, "Tweede."));
    room.send(from_ai(EventKind::AiEnd, 2));
    const auto& proposal = room.view().proposal;
    REQUIRE(proposal.versions.size() == 2);
    CHECK(proposal.versions[0].text == "Eerste.");
    CHECK(proposal.versions[1].text == "Tweede.");
    CHECK(room.send(room.from(1, EventKind::AskAgain)).status == Status::NotOpen);
    room.press(EventKind::AskAgain);
    CHECK(room.view().proposal.request == 2);
}

TEST_CASE("Leaving the stage cancels the request in flight and keeps what arrived") {
    Room room{window(0s)};
    room.open_at(k_ai_step, 1);
    prompt_sent(room);
    room.send(from_ai(EventKind::AiText, 1, "Half"));
    room.engine.take_effects();
    room.press(EventKind::Next);
    CHECK(room.step_id() == "validatie");
    const auto effects = room.engine.take_effects();
    CHECK(std::count(effects.begin(), effects.end(), Effect::CancelAi) == 1);
    CHECK(room.view().proposal.latest()->failure == "skipped");
    CHECK(room.send(from_ai(EventKind::AiText, 1, " en meer")).status == Status::Ignored);
    room.press(EventKind::Previous);  // back: what arrived is still there
    CHECK(room.view().proposal.latest()->text == "Half");
}

TEST_CASE("The stage runs out on time whatever the AI does") {
    Room room{window(0s)};
    room.open_at(k_ai_step, 1);
    prompt_sent(room);
    room.wait(10min);  // the model never answers
    CHECK(room.step_id() == "validatie");
}

TEST_CASE("The prompt is shown with the room's key only while there is one") {
    Room room{window(90s)};
    room.open_at(k_ai_step, 1);
    room.press(EventKind::TogglePrompt);
    CHECK_FALSE(room.view().proposal.show_prompt);
    room.press(EventKind::Start);
    prompt_sent(room);
    room.press(EventKind::TogglePrompt);
    CHECK(room.view().proposal.show_prompt);
    CHECK(room.send(room.from(1, EventKind::TogglePrompt)).status == Status::NotAllowed);
    room.press(EventKind::TogglePrompt);
    CHECK_FALSE(room.view().proposal.show_prompt);
}

TEST_CASE("Replaying the journaled events rebuilds the proposal, marks included") {
    Room room{window(0s)};
    room.open_at(k_ai_step, 2);
    prompt_sent(room);
    room.send(from_ai(EventKind::AiText, 1, "Alinea een.\n\nAlinea twee."));
    room.send(from_ai(EventKind::AiEnd, 1));
    mark(room, 1, 1, "risk");
    Engine replay{testing::phone_content(), TimerRules{}, window(0s)};
    for (const auto& event : room.engine.take_applied()) replay.apply(event);
    const auto& proposal = replay.view().proposal;
    REQUIRE(proposal.versions.size() == 1);
    CHECK(proposal.latest()->text == "Alinea een.\n\nAlinea twee.");
    CHECK(proposal.latest()->marks.at(1).at(1) == Mark::Risk);
}
