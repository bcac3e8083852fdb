#include "bench/soak_session.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <memory>
#include <mutex>
#include <random>
#include <functional>
#include <thread>

#include "bench/soak_phones.hpp"
#include "kiosk/core/local_time.hpp"
#include "kiosk/net/phone_state.hpp"

namespace kiosk::bench {

namespace {

using Json = nlohmann::json;

// People read, think and type between taps; every part of a stage lasts longer than a few rounds.
constexpr Millis k_between_rounds{std::chrono::seconds{20}};
constexpr int k_retries = 40;  // a "slow down" is retried this often, 100 ms apart

const std::vector<std::string> k_marks{"agree", "question", "risk"};

// Which note a phone gives all its dots: half the phones one note, a quarter the next, an
// eighth the one after: the places are clear, so the vote settles without a run-off.
int favourite(int phone, int phones) {
    int place = 0;
    while (((phones - phone) << (place + 1)) <= phones) ++place;
    return place;
}

// "2026-09-21": two weeks after the fake clock's local date, for the owner's review.
std::string review_date(WallTime now) {
    const auto today = to_local(now).date;
    const std::chrono::year_month_day later{std::chrono::sys_days{today} + std::chrono::days{14}};
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(later.year()), static_cast<unsigned>(later.month()),
                  static_cast<unsigned>(later.day()));
    return text;
}

// One simulated phone: its connection, its live stream and its key. Used by one thread at a time.
struct Phone {
    Phone(int at, int port, std::string from, unsigned seed)
        : index{at}, source{std::move(from)}, http{port, source}, rng{seed} {}
    int index;
    std::string source;  // its own loopback address, or "" (127.0.0.1)
    PhoneConnection http;
    PhoneStream stream;
    std::string key;  // from joining
    std::mt19937 rng;
};

// Walks one session: the room's keys from the calling thread; in each round every phone acts on
// a thread of its own (counters are atomic, the first refusal is kept under a mutex).
class SessionWalk {
public:
    explicit SessionWalk(const SessionSetup& setup);
    SessionTally run();

private:
    using Act = std::function<void(Phone&)>;
    void open();
    void lobby();
    void stage();
    void write_notes(const View& now);
    void place_dots(const View& now);
    void runoff(const View& now);
    void proposal(const View& now);
    void validation(const View& now);
    void owner(const View& now);
    void wrap_up();
    void leave();

    void round(const Act& act);  // every phone at once; then fake time passes
    HttpReply post(Phone& phone, const std::string& path, Json body, std::size_t said = 0);
    HttpReply get(Phone& phone, const std::string& path);
    // A "slow down" is retried (k_retries times, 100 ms apart), as a person taps again.
    HttpReply retried(const std::function<HttpReply()>& request);
    void ready(Phone& phone, const std::string& stage_id) { post(phone, "/api/ready", {{"stage", stage_id}, {"ready", true}}); }
    void refused(const std::string& what, const HttpReply& reply);
    std::size_t max_text() const;

    const SessionSetup& m_setup;
    SoakKiosk& m_kiosk;
    std::vector<std::unique_ptr<Phone>> m_phones;
    std::atomic<std::size_t> m_said{0};
    std::atomic<int> m_requests{0};
    std::atomic<int> m_refused{0};
    std::atomic<int> m_slowed{0};
    std::atomic<int> m_streams{0};
    std::size_t m_streamed = 0;
    std::mutex m_mutex;
    std::string m_first_refusal;
    std::map<std::string, int> m_refusals;
};

// Where the room is: what every phone's "ready" (or the room's key) moves on.
struct Where {
    Phase phase;
    int step;
    Part part;
    bool runoff;
    bool operator==(const Where&) const = default;
};

Where where(const View& view) {
    const auto* choice = view.open_choice();
    return {view.phase, view.step, view.part(), choice && choice->in_runoff()};
}

SessionWalk::SessionWalk(const SessionSetup& setup) : m_setup{setup}, m_kiosk{setup.kiosk} {
    for (int i = 0; i < setup.phones; ++i) {
        auto source = setup.own_addresses ? "127.0.0." + std::to_string(2 + i) : std::string{};
        m_phones.push_back(std::make_unique<Phone>(i, m_kiosk.port(), std::move(source),
                                                   static_cast<unsigned>(setup.number * 1000 + i)));
    }
}

SessionTally SessionWalk::run() {
    open();
    lobby();
    m_kiosk.press(EventKind::Start);  // the lobby has chosen: to the check-in
    for (int guard = 0; guard < 64 && m_kiosk.view()->in_step(); ++guard) {
        const auto before = where(*m_kiosk.view());
        m_setup.show(*m_kiosk.view());
        stage();
        // Everyone ready moves a stage on by itself; what is still where it was (a tie for the
        // room to pick, say) the room's key moves.
        for (int press = 0; press < 3 && where(*m_kiosk.view()) == before; ++press) m_kiosk.press(EventKind::Next);
    }
    SessionTally tally;
    tally.reached_wrap_up = m_kiosk.view()->phase == Phase::WrapUp;
    tally.notes = static_cast<int>(m_kiosk.view()->notes.size());
    if (tally.reached_wrap_up) wrap_up();
    leave();
    tally.said = m_said.load();
    tally.requests = m_requests.load();
    tally.refused = m_refused.load();
    tally.slowed = m_slowed.load();
    tally.streams = m_streams.load();
    tally.streamed = m_streamed;
    tally.first_refusal = m_first_refusal;
    tally.refusals = m_refusals;
    return tally;
}

// The room opens the lobby; every phone opens the QR's page, joins (half of them with a first
// name), opens its live stream and reads its state.
void SessionWalk::open() {
    m_kiosk.press(EventKind::Start);
    const auto token = m_kiosk.view()->join_token;
    m_setup.show(*m_kiosk.view());
    round([&](Phone& phone) {
        get(phone, "/j/" + token);
        Json body{{"token", token}};
        std::size_t said = 0;
        if (phone.index % 2 == 0) {
            const auto& name = first_name(phone.index);
            body["name"] = name;
            said = name.size();
        }
        const auto reply = post(phone, "/api/join", std::move(body), said);
        const Json joined = Json::parse(reply.body, nullptr, false);
        if (reply.status != 200 || !joined.is_object()) return;
        phone.key = joined.value("key", "");
        if (phone.stream.open(m_kiosk.port(), phone.source, phone.key)) ++m_streams;
        get(phone, "/api/state?key=" + phone.key);
    });
}

// One phone names the work situation, everyone picks framing questions, and one phone says how
// the earlier decisions went.
void SessionWalk::lobby() {
    const auto now = m_kiosk.view();
    const int questions = static_cast<int>(now->content->framing_questions.size());
    std::vector<std::string> open_reviews;
    for (const auto& decision : now->reviews)
        if (decision.review.empty()) open_reviews.push_back(decision.id);
    const auto& named = situation(m_setup.number);
    round([&](Phone& phone) {
        if (phone.index == 0) post(phone, "/api/lobby/situation", {{"text", named}}, named.size());
        if (questions >= 2)
            post(phone, "/api/lobby/framing", {{"picks", {phone.index % questions, (phone.index + 1) % questions}}});
        if (phone.index != 1) return;
        for (std::size_t i = 0; i < open_reviews.size(); ++i)
            post(phone, "/api/lobby/review", {{"decision", open_reviews[i]}, {"status", i % 2 == 0 ? "done" : "running"}});
    });
}

// What the running step and part ask of the phones.
void SessionWalk::stage() {
    const auto now = m_kiosk.view();
    const auto& spec = now->step_spec();
    if (spec.contribution == Contribution::Constraints) return proposal(*now);
    if (spec.contribution == Contribution::Scores) return validation(*now);
    if (const auto* choice = now->open_choice(); choice && choice->in_runoff()) return runoff(*now);
    if (spec.takes_notes() && now->part() == Part::Write) return write_notes(*now);
    if (spec.has_vote() && now->part() == Part::Vote) return place_dots(*now);
    const auto stage_id = spec.id;
    round([&](Phone& phone) { ready(phone, stage_id); });  // a vote's result, or a step without phones
}

// One to three notes each (as many as the stage takes); now and then someone rewords their first.
void SessionWalk::write_notes(const View& now) {
    const auto& spec = now.step_spec();
    const auto stage_id = spec.id;
    const auto& texts = m_setup.texts.of(net::contribution_name(spec.contribution));
    const auto most = static_cast<unsigned>(spec.max_per_person > 0 ? std::min(spec.max_per_person, 3) : 3);
    round([&](Phone& phone) {
        const auto count = 1 + phone.rng() % most;
        int first = 0;
        for (unsigned long i = 0; i < count; ++i) {
            const auto text = compose(phone.rng, texts, max_text());
            const auto reply = post(phone, "/api/notes", {{"stage", stage_id}, {"text", text}}, text.size());
            const Json added = Json::parse(reply.body, nullptr, false);
            if (i == 0 && reply.status == 201 && added.is_object()) first = added.value("id", 0);
        }
        if (first > 0 && phone.rng() % 6 == 0) {
            const auto text = compose(phone.rng, texts, max_text());
            post(phone, "/api/notes/edit", {{"stage", stage_id}, {"note", first}, {"text", text}}, text.size());
        }
        ready(phone, stage_id);
    });
}

void SessionWalk::place_dots(const View& now) {
    const auto& spec = now.step_spec();
    const auto stage_id = spec.id;
    std::vector<int> ids;
    for (const auto* note : now.notes_of(now.step)) ids.push_back(note->id);
    const auto dots = static_cast<std::size_t>(spec.dots);
    round([&](Phone& phone) {
        if (!ids.empty()) {
            const auto at = static_cast<std::size_t>(favourite(phone.index, m_setup.phones) + m_setup.number) % ids.size();
            post(phone, "/api/vote", {{"stage", stage_id}, {"dots", std::vector<int>(dots, ids[at])}});
        }
        ready(phone, stage_id);
    });
}

// A tie after all: everyone gives the run-off dot to the first tied note.
void SessionWalk::runoff(const View& now) {
    const auto stage_id = now.step_spec().id;
    const auto& tied = now.open_choice()->tied;
    if (tied.empty()) return;  // the room's key moves it on
    const int note = tied.front();
    round([&](Phone& phone) {
        post(phone, "/api/runoff", {{"stage", stage_id}, {"note", note}});
        ready(phone, stage_id);
    });
}

// Half the phones give a constraint; the window closes by the clock and the AI worker builds the
// prompt (the manual route); one phone copies it and pastes an answer; everyone marks paragraphs.
void SessionWalk::proposal(const View& now) {
    const auto stage_id = now.step_spec().id;
    if (now.proposal.state == ProposalState::Collecting) {
        round([&](Phone& phone) {
            if (phone.index % 2 != 0) return;
            const auto text = compose(phone.rng, m_setup.texts.of("constraints"), max_text());
            post(phone, "/api/notes", {{"stage", stage_id}, {"text", text}}, text.size());
        });
        m_kiosk.pass(now.rules ? now.rules->constraints_window : Millis{std::chrono::seconds{90}});
        m_kiosk.wait_until(
            [](const View& v) { return v.proposal.state != ProposalState::Collecting && v.proposal.state != ProposalState::Waiting; },
            std::chrono::seconds{5});
    }
    if (m_kiosk.view()->proposal.takes_paste()) {
        const auto& answer = m_setup.texts.proposal;
        round([&](Phone& phone) {
            if (phone.index != 0) return;
            get(phone, "/api/prompt?key=" + phone.key);
            post(phone, "/api/proposal/answer", {{"stage", stage_id}, {"text", answer}}, answer.size());
        });
        m_setup.show(*m_kiosk.view());
    }
    std::vector<int> paragraphs;
    if (const auto* latest = m_kiosk.view()->proposal.latest()) {
        const auto parts = split_paragraphs(latest->text);
        for (std::size_t i = 0; i < parts.size(); ++i)
            if (!parts[i].heading) paragraphs.push_back(static_cast<int>(i));
    }
    round([&](Phone& phone) {
        for (std::size_t k = 0; k < 2 && !paragraphs.empty(); ++k) {
            const auto at = (static_cast<std::size_t>(phone.index) + k) % paragraphs.size();
            const auto& mark = k_marks[(static_cast<std::size_t>(phone.index) + k) % k_marks.size()];
            post(phone, "/api/proposal/mark", {{"stage", stage_id}, {"paragraph", paragraphs[at]}, {"mark", mark}});
        }
        ready(phone, stage_id);
    });
}

// Scores (every fourth session someone objects, so the rule proposes to adjust), the vote for
// the proposed decision, then an owner.
void SessionWalk::validation(const View& now) {
    const auto stage_id = now.step_spec().id;
    if (now.part() == Part::Results) return owner(now);
    if (now.part() == Part::Vote) {
        const std::string proposed{to_string(now.proposed_decision())};
        round([&](Phone& phone) {
            post(phone, "/api/validation/decision", {{"stage", stage_id}, {"decision", proposed}});
            ready(phone, stage_id);
        });
        return;
    }
    const auto criteria = now.content->criteria.size();
    const bool objection = m_setup.number % 4 == 0;
    round([&](Phone& phone) {
        std::vector<int> scores;
        for (std::size_t c = 0; c < criteria; ++c) scores.push_back(3 + static_cast<int>(phone.rng() % 3));
        post(phone, "/api/validation/scores", {{"stage", stage_id}, {"scores", scores}});
        if (objection && phone.index == 2) {
            const std::string text = "Dit kost meer tijd dan we nu hebben; eerst uitproberen bij één dienst.";
            post(phone, "/api/validation/objection", {{"stage", stage_id}, {"text", text}}, text.size());
        }
        ready(phone, stage_id);
    });
}

// One phone takes it on with a first step and a review date; with "aanpassen" three say what to change.
void SessionWalk::owner(const View& now) {
    const auto stage_id = now.step_spec().id;
    const auto decided = now.validation.decided;
    const bool carried_out = decided && *decided != DecisionKind::Park;
    const bool adjusted = decided && *decided == DecisionKind::Adjust;
    const auto review = review_date(m_kiosk.clock().wall());
    round([&](Phone& phone) {
        if (carried_out && phone.index == 0) {
            const std::string name = "Teamcoördinator";
            post(phone, "/api/validation/volunteer", {{"stage", stage_id}, {"name", name}}, name.size());
            const auto step = compose(phone.rng, m_setup.texts.of("ideas"), max_text());
            post(phone, "/api/validation/commit", {{"stage", stage_id}, {"first_step", step}, {"review_date", review}},
                 step.size());
        }
        if (adjusted && phone.index >= 1 && phone.index <= 3) {
            const auto& change = proposal_change(phone.index - 1);
            post(phone, "/api/validation/edit", {{"stage", stage_id}, {"text", change}}, change.size());
        }
        ready(phone, stage_id);
    });
}

// A third of the phones share a reflection; one takes the outcome home as a file.
void SessionWalk::wrap_up() {
    const auto token = m_kiosk.view()->join_token;
    m_setup.show(*m_kiosk.view());
    round([&](Phone& phone) {
        if (phone.index % 3 == 0) {
            const auto text = compose(phone.rng, m_setup.texts.of("answer"), max_text());
            post(phone, "/api/wrapup/share", {{"text", text}}, text.size());
        }
        if (phone.index == 0) get(phone, "/x/" + token + "/vitale-sessie.md");
    });
}

// The room closes the session (walking on first, should the walk have stopped short); the
// phones hear it on their streams and put the page away.
void SessionWalk::leave() {
    for (int guard = 0; guard < 40 && m_kiosk.view()->session_open() && m_kiosk.view()->phase != Phase::WrapUp; ++guard)
        m_kiosk.press(EventKind::Next);
    if (m_kiosk.view()->phase == Phase::WrapUp) m_kiosk.press(EventKind::Start);
    for (auto& phone : m_phones) {
        m_streamed += phone->stream.drain();
        phone->stream.close();
        phone->http.close();
    }
}

void SessionWalk::round(const Act& act) {
    std::vector<std::thread> threads;
    threads.reserve(m_phones.size());
    for (auto& phone : m_phones)
        threads.emplace_back([this, &act, &phone] {
            try {
                act(*phone);
            } catch (const std::exception& error) {
                refused("a phone", {0, error.what()});
            }
        });
    for (auto& thread : threads) thread.join();
    for (auto& phone : m_phones) m_streamed += phone->stream.drain();
    m_kiosk.pass(k_between_rounds);
}

HttpReply SessionWalk::post(Phone& phone, const std::string& path, Json body, std::size_t said) {
    if (!phone.key.empty()) body["key"] = phone.key;
    const auto text = body.dump();
    auto reply = retried([&] { return phone.http.post(path, text); });
    if (reply.status >= 200 && reply.status < 300) m_said += said;
    else refused("POST " + path, reply);
    return reply;
}

HttpReply SessionWalk::get(Phone& phone, const std::string& path) {
    auto reply = retried([&] { return phone.http.get(path); });
    if (reply.status < 200 || reply.status >= 400) refused("GET " + path.substr(0, path.find('?')), reply);
    return reply;
}

HttpReply SessionWalk::retried(const std::function<HttpReply()>& request) {
    for (int attempt = 0;; ++attempt) {
        auto reply = request();
        ++m_requests;
        if (reply.status != 429 || attempt >= k_retries) return reply;
        ++m_slowed;
        std::this_thread::sleep_for(std::chrono::milliseconds{100});
    }
}

void SessionWalk::refused(const std::string& what, const HttpReply& reply) {
    ++m_refused;
    std::lock_guard lock{m_mutex};
    ++m_refusals[what + " " + std::to_string(reply.status)];
    if (m_first_refusal.empty()) m_first_refusal = what + ": " + std::to_string(reply.status) + " " + reply.body.substr(0, 200);
}

std::size_t SessionWalk::max_text() const {
    const auto rules = m_kiosk.view()->rules;
    return static_cast<std::size_t>(rules ? rules->max_text : 280);
}

}  // namespace

SessionTally run_session(const SessionSetup& setup) { return SessionWalk{setup}.run(); }

}  // namespace kiosk::bench
