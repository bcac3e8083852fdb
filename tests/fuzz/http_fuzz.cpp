// libFuzzer target: raw bytes as one request to the phones' server. They are read the way the
// server reads a socket (net::read_request: the same header and body limits and refusals) and
// handed to the phone API of a real engine on its own thread (EngineLoop), with the shipped
// config. Pages are answered at once; what phones post is answered by the engine thread, which
// is waited for (at most 5 s).
//
// Input: a raw HTTP/1.1 request, in which these are replaced first (keys and tokens are random
// in a real kiosk; with them the seeds reach past the key checks):
//   @TOKEN@  the session's join token         @CODE@   its six-digit join code
//   @KEY@    phone 1's key (it is the host)   @KEY2@   phone 2's key
//   @STAGE@  the running stage's id           @NOTE@ / @NOTE2@  its first / second note's id
//   @LEN@    (last) the length of the body after the blank line, for Content-Length
// An input may begin with a line "@ROOM=<place>@" saying where the session is (fuzz_room.hpp
// names the places: idle, lobby, analyse, probleemstelling+1, ai-voorstel+prompt, wrapup, ...);
// without it the session is in the lobby. Each input starts from a fresh copy of that place.
//
// Findings besides crashes and sanitizer reports: a request left unanswered or answered twice,
// a refusal of the reader that is not 4xx, a JSON reply that is not JSON, a phone's stream
// message that is not JSON, and any exception out of the API (the server would answer 500).
#include <nlohmann/json.hpp>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "kiosk/core/engine_loop.hpp"
#include "kiosk/net/phone_api.hpp"
#include "kiosk/net/request_reader.hpp"
#include "kiosk/store/session_export.hpp"
#include "tests/fuzz/fuzz_check.hpp"
#include "tests/fuzz/fuzz_room.hpp"
#include "tests/fuzz/fuzz_view.hpp"

using namespace kiosk;

namespace {

// The Host headers this kiosk answers to (the seeds send the first).
const std::vector<std::string> k_hosts{"127.0.0.1:8080", "localhost:8080"};

void replace_all(std::string& text, std::string_view from, std::string_view to) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
}

std::string fill_in(std::string_view input, const View& view) {
    std::string bytes{input};
    const auto notes = view.in_step() ? view.notes_of(view.step) : std::vector<const Note*>{};
    const auto note = [&notes](std::size_t index) { return std::to_string(index < notes.size() ? notes[index]->id : 1); };
    replace_all(bytes, "@TOKEN@", view.join_token);
    replace_all(bytes, "@CODE@", view.join_code);
    replace_all(bytes, "@COFFEE@", view.coffee.token);
    replace_all(bytes, "@COFFEECODE@", view.coffee.code);
    replace_all(bytes, "@KEY@", fuzz::phone_key(1));
    replace_all(bytes, "@KEY2@", fuzz::phone_key(2));
    replace_all(bytes, "@KEY3@", fuzz::phone_key(3));  // the coffee corner's visitor
    replace_all(bytes, "@KEY4@", fuzz::phone_key(4));  // and its moderator
    replace_all(bytes, "@STAGE@", view.in_step() ? view.step_spec().id : std::string{});
    replace_all(bytes, "@NOTE@", note(0));
    replace_all(bytes, "@NOTE2@", note(1));
    const auto blank = bytes.find("\r\n\r\n");
    replace_all(bytes, "@LEN@", std::to_string(blank == std::string::npos ? 0 : bytes.size() - blank - 4));
    return bytes;
}

// "@ROOM=analyse@\r\n..." -> the place, and the input without that line; nullptr for a place the
// walk did not pass.
const fuzz::Place* take_place(std::string_view& input) {
    const auto& places = fuzz::shipped_places();
    constexpr std::string_view mark = "@ROOM=";
    if (!input.starts_with(mark)) return places.find("lobby");
    const auto end = input.find('@', mark.size());
    if (end == std::string_view::npos) return nullptr;
    const auto* place = places.find(input.substr(mark.size(), end - mark.size()));
    input.remove_prefix(end + 1);
    if (input.starts_with("\r\n")) input.remove_prefix(2);
    else if (input.starts_with('\n')) input.remove_prefix(1);
    return place;
}

net::PhoneApiSetup phone_setup(EngineLoop& loop, const Clock& clock) {
    const auto& config = fuzz::shipped_config();
    const auto& settings = config.settings;
    return {.loop = loop,
            .clock = clock,
            .strings = config.phone_strings,
            .language = settings.language,
            .max_text = settings.session.max_text,
            .show_names = settings.session.show_names,
            .requests_per_minute = settings.phone_requests_per_minute,
            .extend_minutes =
                static_cast<int>(std::chrono::duration_cast<std::chrono::minutes>(settings.timers.extend_step).count()),
            .joins_per_address = settings.joins_per_address,
            .week_question = [](const View&) { return fuzz::shipped_config().content->reflection_questions.front(); },
            .export_session =
                [](const View& view, const std::string& format) {
                    const auto chosen = store::export_format_from(format);
                    return chosen ? store::export_session(view, fuzz::export_header(), *chosen) : std::string{};
                },
            .dates = date_words(config.strings),
            .wrong_code_budget = settings.wrong_code_budget,
            .hosts = k_hosts,
            .coffee_question = [](const View& view) { return coffee_question(view.coffee, true, "?"); },
            .coffee_moderation = "open"};
}

// What the API answered, from whichever thread answered it.
struct Answer {
    std::mutex mutex;
    std::condition_variable done;
    int count = 0;  // replies and streams: exactly one is the promise
    std::optional<net::HttpResponse> reply;
    std::optional<std::string> stream;

    void add_reply(net::HttpResponse response) {
        std::lock_guard lock{mutex};
        reply = std::move(response);
        ++count;
        done.notify_all();
    }
    void add_stream(const std::string& key) {
        std::lock_guard lock{mutex};
        stream = key;
        ++count;
        done.notify_all();
    }
    bool wait() {
        std::unique_lock lock{mutex};
        return done.wait_for(lock, std::chrono::seconds{5}, [this] { return count > 0; });
    }
};

void check_answer(Answer& answer, net::PhoneApi& api) {
    std::lock_guard lock{answer.mutex};
    fuzz::require(answer.count == 1, "a request is answered exactly once");
    if (answer.reply) {
        fuzz::require(answer.reply->status >= 200 && answer.reply->status < 600, "a reply carries an HTTP status");
        if (answer.reply->content_type == "application/json")
            fuzz::require(nlohmann::json::accept(answer.reply->body), "a JSON reply is JSON");
    }
    // What the phones' streams get now (and the stream just opened, if one was).
    std::vector<std::string> keys{fuzz::phone_key(1), fuzz::phone_key(2)};
    if (answer.stream) keys.push_back(*answer.stream);
    for (const auto& key : keys) {
        const auto message = api.render(key);
        fuzz::require(message && nlohmann::json::accept(message->data), "a phone's stream message is JSON");
    }
}

// The request through the phone API of a fresh copy of the place's engine.
void serve(const fuzz::Place& place, net::HttpRequest request) {
    FakeClock clock{place.wall, place.now};
    Engine engine = place.engine;
    EngineLoop::Hooks hooks;
    hooks.write_ahead = [](const std::vector<Event>&) { return true; };  // as if journaled: events are prepared as live
    EngineLoop loop{engine, clock, std::move(hooks)};
    net::PhoneApi api{phone_setup(loop, clock)};
    Answer answer;
    const net::Responder responder{[&answer](net::HttpResponse response) { answer.add_reply(std::move(response)); },
                                   [&answer](const std::string& key) { answer.add_stream(key); }};
    api.handle(std::move(request), responder);
    const bool answered = answer.wait();
    loop.stop();  // the engine thread is done with the reply before anything here goes away
    fuzz::require(answered, "a request is answered within 5 s");
    check_answer(answer, api);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    fuzz::shipped_places();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto input = fuzz::as_text(data, size);
    const auto* place = take_place(input);
    if (!place) return 0;
    const auto bytes = fill_in(input, place->engine.view());
    auto read = net::read_request(bytes, net::ServerLimits{}, "127.0.0.2");
    if (const auto* refused = std::get_if<net::HttpResponse>(&read)) {
        fuzz::require(refused->status >= 400 && refused->status < 500, "the server refuses a request it cannot read with a 4xx");
        fuzz::require(nlohmann::json::accept(refused->body), "a refusal is JSON");
        return 0;
    }
    serve(*place, std::get<net::HttpRequest>(std::move(read)));
    return 0;
}
