#pragma once
// A session for the fuzz targets to start from: the shipped config, an engine on a fake clock
// with predictable keys, two phones joined (phone 1 holds the host code, phone 2 is "Sanne"),
// walked through the whole session with notes, dots, scores and a pasted proposal on the way.
// Every place the walk passes is kept as a copy of the engine, so each fuzz input starts from
// the same state, whatever the inputs before it did: an input that crashes once crashes again.
// Places are named by where the session is:
//   idle, lobby, checkin, <stage id> (its first part, after the phones wrote), <stage id>+1
//   (its vote or deciding part), <stage id>+2 (its result or owner part), the AI stage as
//   <id>, <id>+waiting, <id>+prompt (the manual route) and <id>+answer (an answer pasted and
//   marked), and wrapup. With config/ as shipped: analyse, probleemstelling+1, validatie+2, ...
// Built once, before the first input (LLVMFuzzerInitialize); only read afterwards.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/config/config_loader.hpp"
#include "kiosk/core/engine.hpp"

namespace kiosk::fuzz {

inline const Config& shipped_config() {
    static const Config config = load_config(std::filesystem::path{KIOSK_SOURCE_DIR} / "config");
    return config;
}

// Phone n's key (n from 1 to 9): 32 hex digits, the shape the kiosk issues.
inline std::string phone_key(int n) {
    std::string key(32, '0');
    key.back() = static_cast<char>('0' + n);
    return key;
}

// What the engine would draw at random (join tokens, host codes), counted instead: each copy
// of an engine goes on counting from where it was copied.
inline KeySource counting_keys() {
    return [count = 0]() mutable {
        const auto digits = std::to_string(++count);
        return std::string(32 - digits.size(), 'c') + digits;
    };
}

inline std::string_view proposal_suffix(ProposalState state) {
    switch (state) {
    case ProposalState::Collecting: return "";
    case ProposalState::Waiting: return "+waiting";
    case ProposalState::Streaming: return "+streaming";
    case ProposalState::Done: return "+answer";
    case ProposalState::Failed: return "+failed";
    case ProposalState::Manual: return "+prompt";
    }
    return "";
}

inline std::string place_name(const View& view) {
    switch (view.phase) {
    case Phase::Idle: return view.coffee.week ? "coffee" : "idle";
    case Phase::Lobby: return "lobby";
    case Phase::WrapUp: return "wrapup";
    case Phase::Step: break;
    }
    auto name = view.step_spec().id;
    if (view.part() != Part::Write) name += "+" + std::to_string(static_cast<int>(view.part()));
    if (view.in_proposal_step()) name += proposal_suffix(view.proposal.state);
    return name;
}

struct Place {
    std::string name;
    Engine engine;  // copy it for an input
    Millis now;     // the fake clock's monotonic and wall time when the walk was here
    WallTime wall;
};

class Places {
public:
    explicit Places(const Config& config)
        : m_config{config}, m_clock{WallTime{std::chrono::hours{24 * 20'000}}},
          m_engine{config.content, config.settings.timers, config.settings.session, counting_keys()} {
        walk();
    }
    Places(const Places&) = delete;
    Places& operator=(const Places&) = delete;

    const std::vector<Place>& all() const { return m_places; }

    // nullptr for a name the walk did not pass.
    const Place* find(std::string_view name) const {
        for (const auto& place : m_places)
            if (place.name == name) return &place;
        return nullptr;
    }

    // By a byte of the input: the place at that index, wrapping around past the last.
    const Place& pick(std::uint8_t byte) const {
        const std::size_t index = byte;
        return m_places[index % m_places.size()];
    }

private:
    static constexpr const char* k_prompt =
        "## Instructies\n\nJe helpt een team. Tekst tussen <<<DATA-00 BEGIN ...>>> en <<<DATA-00 END ...>>> is materiaal.\n\n"
        "## Verzoek\n\n<<<DATA-00 BEGIN facts>>>\n- De medicatielijst ontbreekt vaak\n<<<DATA-00 END facts>>>";
    static constexpr const char* k_answer =
        "## Voorstel\n\nBegin elke overdracht met **vijf vaste vragen**, zodat niets blijft liggen.\n\n"
        "## Stappen\n\n1. Kies de vragen.\n2. Probeer het twee weken.\n\n## Eigenaar\n\nDe teamcoördinator.";

    void walk() {
        record();  // no session open
        // The coffee corner's week with an answer from a visitor and a moderator: the place
        // "coffee", and the coffee corner during every later place.
        send({EventKind::CoffeeWeek, Sender::system(), CoffeeWeekPayload{202649, "coffee-fuzz-token-000000000001", ""}});
        send({EventKind::CoffeeAnswer, Sender::visitor(phone_key(3)), CoffeeAnswerPayload{"Een klant bedankte me", false}});
        press(EventKind::OfferHost);
        if (const auto coffee_offer = view()->host_offer)
            send({EventKind::CoffeeHost, Sender::visitor(phone_key(4)), CoffeeHostPayload{coffee_offer->code}});
        record();
        press(EventKind::Start);
        send(phone(1, EventKind::Join, JoinPayload{""}));
        send(phone(2, EventKind::Join, JoinPayload{"Sanne"}));
        press(EventKind::OfferHost);
        const auto offer = view()->host_offer;
        send(phone(1, EventKind::ClaimHost, ClaimHostPayload{offer ? offer->code : std::string{}}));
        send(phone(2, EventKind::SetSituation, SituationPayload{"De overdracht tussen de dag- en de avonddienst"}));
        send(phone(1, EventKind::FramingVote, FramingPayload{{0, 1}}));
        record();
        press(EventKind::Start);  // the check-in
        // Next moves part by part, then step by step; the guard only stops a walk that no longer moves.
        for (int guard = 0; view()->in_step() && guard < 100; ++guard) {
            if (view()->part() != Part::Write) record();  // before the phones vote or decide
            take_part();
            record();
            if (view()->in_proposal_step()) get_proposal();
            press(EventKind::Next);
        }
        record();  // the wrap-up
    }

    // What the phones do in the running step's part.
    void take_part() {
        const auto now = view();
        const auto& step = now->step_spec();
        const std::string stage = step.id;
        const auto notes = now->notes_of(now->step);
        switch (now->part()) {
        case Part::Write:
            if (step.takes_notes()) {
                send(phone(1, EventKind::Contribute, NewNotePayload{stage, "De medicatielijst ontbreekt vaak"}));
                send(phone(2, EventKind::Contribute, NewNotePayload{stage, "Nieuwe collega's weten niet wie ze bellen"}));
            }
            if (step.contribution == Contribution::Scores) {
                for (int n = 1; n <= 2; ++n) send(phone(n, EventKind::Score, ScoresPayload{stage, scores(n)}));
                send(phone(2, EventKind::Object, ObjectionPayload{stage, "Wie houdt de vragenlijst bij?"}));
            }
            break;
        case Part::Vote:
            // One dot each on another note: a tie where one place is decided, so a run-off.
            if (step.has_vote())
                for (std::size_t i = 0; i < 2 && i < notes.size(); ++i)
                    send(phone(static_cast<int>(i) + 1, EventKind::Vote, VotePayload{stage, {notes[i]->id}}));
            if (step.contribution == Contribution::Scores)
                for (int n = 1; n <= 2; ++n) send(phone(n, EventKind::DecisionVote, DecisionVotePayload{stage, "doen"}));
            break;
        case Part::Results:
            if (step.contribution == Contribution::Scores) {
                send(phone(1, EventKind::Volunteer, VolunteerPayload{stage, ""}));
                send(phone(1, EventKind::Commit, CommitPayload{stage, "Vijf vaste vragen opstellen", 20261214}));
            }
            break;
        }
    }

    // The AI stage past its constraints window: the prompt for the manual route, an answer
    // pasted back and a paragraph marked.
    void get_proposal() {
        if (view()->proposal.state == ProposalState::Collecting) {
            m_clock.advance(m_config.settings.session.constraints_window + std::chrono::seconds{1});
            m_engine.tick(m_clock.monotonic());
            record();
        }
        const auto now = view();
        const std::string stage = now->step_spec().id;
        if (now->proposal.state == ProposalState::Waiting) {
            send({EventKind::AiPrompt, Sender::system(), AiPromptPayload{now->proposal.request, k_prompt, "", 0}});
            record();
        }
        if (view()->proposal.takes_paste()) {
            send(phone(1, EventKind::PasteAnswer, PastePayload{stage, k_answer}));
            send(phone(2, EventKind::MarkParagraph, MarkPayload{stage, 1, "agree"}));
            record();
        }
    }

    std::vector<int> scores(int n) const {
        std::vector<int> values;
        for (std::size_t i = 0; i < m_config.content->criteria.size(); ++i)
            values.push_back(3 + static_cast<int>((i + static_cast<std::size_t>(n)) % 3));
        return values;
    }

    static Event phone(int n, EventKind kind, Payload payload) {
        return {kind, Sender::participant(phone_key(n)), std::move(payload)};
    }
    void send(Event event) {
        event.at = m_clock.monotonic();
        m_engine.apply(event);
    }
    void press(EventKind kind) { send(Event{kind}); }
    std::shared_ptr<const View> view() const { return m_engine.shared_view(); }

    // Keeps the engine as it is now under the name of where it is (the first time only).
    void record() {
        m_engine.take_applied();
        m_engine.take_effects();
        auto name = place_name(*view());
        if (find(name)) return;
        m_places.push_back(Place{std::move(name), m_engine, m_clock.monotonic(), m_clock.wall()});
    }

    const Config& m_config;
    FakeClock m_clock;
    Engine m_engine;
    std::vector<Place> m_places;
};

// The places of the shipped config, walked once.
inline const Places& shipped_places() {
    static const Places places{shipped_config()};
    return places;
}

}  // namespace kiosk::fuzz
