// The phone API over real HTTP on 127.0.0.1: joining, contributing, voting, live streams,
// and every kind of bad input from the issue, each answered plainly while nothing accepted
// is lost.
#include <catch2/catch.hpp>

#include <regex>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "tests/phone_kiosk.hpp"

using namespace kiosk;
using kiosk::testing::Json;
using kiosk::testing::PhoneKiosk;

namespace {

Json body_of(const httplib::Result& reply) { return Json::parse(reply->body, nullptr, false); }

// A plain socket that sends raw bytes, for what a well-behaved client library never sends.
class RawConnection {
public:
    explicit RawConnection(int port) {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(static_cast<std::uint16_t>(port));
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        timeval timeout{5, 0};
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
        m_connected = ::connect(m_fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    }
    ~RawConnection() { ::close(m_fd); }
    bool connected() const { return m_connected; }
    void send(const std::string& bytes) const {
        std::size_t sent = 0;
        while (sent < bytes.size()) {
            const auto n = ::send(m_fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
            if (n <= 0) return;
            sent += static_cast<std::size_t>(n);
        }
    }
    // Reads until `marker` appears (or the peer closes, or 5 s pass).
    std::string read_until(const std::string& marker) {
        char buffer[4096];
        while (m_data.find(marker) == std::string::npos) {
            const auto n = ::recv(m_fd, buffer, sizeof buffer, 0);
            if (n == 0) m_closed = true;
            if (n <= 0) break;
            m_data.append(buffer, static_cast<std::size_t>(n));
        }
        return m_data;
    }
    // The peer closed the connection (seen by a read).
    bool closed() const { return m_closed; }
    // Reads for `wait`; true when the peer closed meanwhile.
    bool closed_within(std::chrono::milliseconds wait) {
        timeval timeout{0, static_cast<suseconds_t>(wait.count() * 1000)};
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
        read_until("never sent");
        timeval back{5, 0};
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &back, sizeof back);
        return m_closed;
    }

private:
    int m_fd = -1;
    bool m_connected = false;
    bool m_closed = false;
    std::string m_data;
};

std::string stream_request(int port, const std::string& key) {
    return "GET /api/events?key=" + key + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
           "\r\nAccept: text/event-stream\r\n\r\n";
}

}  // namespace

TEST_CASE("A phone opens the QR's link, joins and gets its state") {
    PhoneKiosk kiosk;
    kiosk.open_session();
    const auto token = kiosk.view()->join_token;
    const auto page = kiosk.client().Get(("/j/" + token).c_str());
    REQUIRE(page);
    CHECK(page->status == 200);
    CHECK(page->body.find("/app.js") != std::string::npos);
    CHECK(page->get_header_value("Content-Security-Policy").find("script-src 'self'") != std::string::npos);
    CHECK(page->body.find("<script>") == std::string::npos);  // no inline script anywhere

    const auto key = kiosk.join();
    REQUIRE(key.size() == 32);
    const auto state = kiosk.client().Get(("/api/state?key=" + key).c_str());
    REQUIRE(state);
    CHECK(state->status == 200);
    CHECK(body_of(state)["phase"] == "lobby");
    CHECK(body_of(state)["me"]["number"] == 1);
    CHECK(body_of(state)["people"]["joined"] == 1);
}

TEST_CASE("The app's script and style come from the kiosk itself") {
    PhoneKiosk kiosk;
    const auto script = kiosk.client().Get("/app.js");
    REQUIRE(script);
    CHECK(script->status == 200);
    CHECK(script->get_header_value("Content-Type").rfind("text/javascript", 0) == 0);
    CHECK(script->body.find("EventSource") != std::string::npos);
    const auto templates = kiosk.client().Get("/phone.html");  // templates are not files to fetch
    REQUIRE(templates);
    CHECK(templates->status == 404);
}

TEST_CASE("Every script the phone pages load is served, dom.js first and app.js last") {
    PhoneKiosk kiosk;
    kiosk.open_session();
    const auto page = kiosk.client().Get(("/j/" + kiosk.view()->join_token).c_str());
    REQUIRE(page);
    const std::regex script{R"re(<script src="(/[a-z-]+\.js)" defer></script>)re"};
    std::vector<std::string> sources;
    for (auto it = std::sregex_iterator(page->body.begin(), page->body.end(), script); it != std::sregex_iterator{}; ++it)
        sources.push_back((*it)[1]);
    REQUIRE(sources.size() >= 3);  // the shared helpers, the screens' parts, the page itself
    CHECK(sources.front() == "/dom.js");
    CHECK(sources.back() == "/app.js");
    for (const auto& source : sources) {
        INFO(source);
        const auto file = kiosk.client().Get(source.c_str());
        REQUIRE(file);
        CHECK(file->status == 200);
        CHECK(file->get_header_value("Content-Type").rfind("text/javascript", 0) == 0);
        CHECK(file->body.size() > 200);
    }
}

TEST_CASE("A link from an earlier session shows a friendly ended page") {
    PhoneKiosk kiosk;
    kiosk.open_session();
    const auto old_token = kiosk.view()->join_token;
    const auto old_key = kiosk.join();
    kiosk.press(EventKind::Previous);  // back to idle: the session closes
    kiosk.open_session();
    REQUIRE(kiosk.view()->join_token != old_token);

    const auto page = kiosk.client().Get(("/j/" + old_token).c_str());
    REQUIRE(page);
    CHECK(page->status == 410);
    CHECK(page->body.find("Deze sessie is afgelopen") != std::string::npos);
    CHECK(page->body.find("Scan de code op het scherm") != std::string::npos);

    const auto join = kiosk.post("/api/join", {{"token", old_token}});
    CHECK(join->status == 410);
    const auto note = kiosk.post("/api/ready", {{"key", old_key}, {"stage", "analyse"}, {"ready", true}});
    CHECK(note->status == 401);
    CHECK(body_of(note)["message"] == "Je doet niet (meer) mee met deze sessie. Scan de code op het scherm opnieuw.");
}

TEST_CASE("People who type go from the six-digit code to the session") {
    PhoneKiosk kiosk;
    const auto closed = kiosk.client().Get("/");
    CHECK(closed->body.find("Er loopt nu geen sessie") != std::string::npos);
    kiosk.open_session();
    const auto code = kiosk.view()->join_code;
    const auto spaced = code.substr(0, 3) + "%20" + code.substr(3);  // "482 915" as a form sends it
    const auto found = kiosk.client().Get(("/c?code=" + spaced).c_str());
    REQUIRE(found);
    CHECK(found->status == 303);
    CHECK(found->get_header_value("Location") == "/j/" + kiosk.view()->join_token);
    const auto wrong = kiosk.client().Get("/c?code=000000");
    CHECK(wrong->status == 404);
    CHECK(wrong->body.find("Die code hoort niet bij de sessie van nu") != std::string::npos);
}

TEST_CASE("Facts added from phones are in the session with their own ids") {
    PhoneKiosk kiosk;
    const auto key = kiosk.phones_at("analyse", 1).at(0);
    const auto added = kiosk.post("/api/notes", {{"key", key}, {"stage", "analyse"}, {"text", "De klant belde 3x"}});
    REQUIRE(added);
    CHECK(added->status == 201);
    const int id = body_of(added)["id"];
    CHECK(kiosk.view()->note(id)->text == "De klant belde 3x");
    CHECK(body_of(added)["v"].get<std::uint64_t>() <= kiosk.view()->version);  // the View shows it

    const auto edited = kiosk.post("/api/notes/edit", {{"key", key}, {"stage", "analyse"}, {"note", id}, {"text", "De klant belde 4x"}});
    CHECK(edited->status == 200);
    CHECK(kiosk.view()->note(id)->text == "De klant belde 4x");
    const auto withdrawn = kiosk.post("/api/notes/withdraw", {{"key", key}, {"stage", "analyse"}, {"note", id}});
    CHECK(withdrawn->status == 200);
    CHECK(kiosk.view()->notes_of(kiosk.view()->step).empty());
}

TEST_CASE("Bad input gets a plain answer with a fitting status and changes nothing") {
    PhoneKiosk kiosk;
    const auto keys = kiosk.phones_at("analyse", 2);
    const auto& key = keys.at(0);
    const auto& other = keys.at(1);
    REQUIRE(kiosk.post("/api/notes", {{"key", key}, {"stage", "analyse"}, {"text", "Eerste feit"}})->status == 201);
    const auto note = [&](const Json& text) {
        return kiosk.post("/api/notes", {{"key", key}, {"stage", "analyse"}, {"text", text}});
    };
    const auto expect = [](const httplib::Result& reply, int status, const std::string& error, const std::string& words) {
        REQUIRE(reply);
        INFO(reply->body);
        CHECK(reply->status == status);
        const auto body = body_of(reply);
        CHECK(body["error"] == error);
        CHECK(body["message"].get<std::string>().find(words) != std::string::npos);
    };

    SECTION("text over the limit") { expect(note(std::string(281, 'x')), 422, "too_long", "maximaal 280 tekens"); }
    SECTION("empty text") { expect(note(""), 422, "empty", "Schrijf eerst iets"); }
    SECTION("whitespace only") { expect(note(" \n\t  "), 422, "empty", "Schrijf eerst iets"); }
    SECTION("control characters") { expect(note("bel\u0007l"), 422, "control_character", "stuurtekens"); }
    SECTION("a bidirectional override") { expect(note("abc\u202Ecba"), 422, "control_character", "stuurtekens"); }
    SECTION("invalid UTF-8") {
        const auto reply = kiosk.client().Post("/api/notes", R"({"key":")" + key + R"(","stage":"analyse","text":"a)" + "\xff\xfe" + R"("})",
                                               "application/json");
        expect(reply, 400, "bad_json", "kon niet gelezen worden");
    }
    SECTION("malformed JSON") {
        expect(kiosk.client().Post("/api/notes", R"({"key": "abc", "text": )", "application/json"), 400, "bad_json", "kon niet gelezen worden");
    }
    SECTION("JSON that is not an object") {
        expect(kiosk.client().Post("/api/notes", R"(["text"])", "application/json"), 400, "bad_json", "kon niet gelezen worden");
    }
    SECTION("a field of the wrong type") {
        expect(kiosk.post("/api/notes", {{"key", key}, {"stage", "analyse"}, {"text", 42}}), 400, "bad_field", "klopt niet");
    }
    SECTION("wrong content type") {
        expect(kiosk.client().Post("/api/notes", "text=hallo", "application/x-www-form-urlencoded"), 415, "content_type", "verkeerde formaat");
    }
    SECTION("an unknown stage") {
        expect(kiosk.post("/api/notes", {{"key", key}, {"stage", "nergens"}, {"text", "x"}}), 409, "wrong_stage", "al verder");
    }
    SECTION("a stage that is not running") {
        expect(kiosk.post("/api/notes", {{"key", key}, {"stage", "brainstorm"}, {"text", "te vroeg"}}), 409, "wrong_stage", "al verder");
    }
    SECTION("a forged key") {
        expect(kiosk.post("/api/notes", {{"key", std::string(32, 'a')}, {"stage", "analyse"}, {"text", "x"}}), 401, "unknown_person", "Scan de code");
    }
    SECTION("somebody else's note") {
        expect(kiosk.post("/api/notes/withdraw", {{"key", other}, {"stage", "analyse"}, {"note", 1}}), 403, "not_yours", "eigen bijdragen");
    }
    SECTION("a host action from an ordinary phone") {
        expect(kiosk.post("/api/host/pause", {{"key", key}}), 403, "not_host", "Alleen de host");
    }
    SECTION("an unknown API path") { expect(kiosk.post("/api/nothing", {{"key", key}}), 404, "not_found", "bestaat niet"); }
    SECTION("a method the API does not take") {
        const auto reply = kiosk.client().Delete("/api/notes");
        expect(reply, 405, "bad_request", "klopt niet");
    }
    // Whatever was refused, the first fact is still there, unchanged, and the server answers.
    const auto notes = kiosk.view()->notes_of(kiosk.view()->step);
    REQUIRE(notes.size() == 1);
    CHECK(notes[0]->text == "Eerste feit");
    CHECK(kiosk.client().Get("/app.css")->status == 200);
}

TEST_CASE("Markup in a note stays text in the state phones receive") {
    PhoneKiosk kiosk;
    const auto key = kiosk.phones_at("analyse", 1).at(0);
    const std::string hostile = R"html(<img src=x onerror="alert(1)"><script>alert(2)</script>)html";
    REQUIRE(kiosk.post("/api/notes", {{"key", key}, {"stage", "analyse"}, {"text", hostile}})->status == 201);
    const auto state = body_of(kiosk.client().Get(("/api/state?key=" + key).c_str()));
    CHECK(state["me"]["notes"][0]["text"] == hostile);  // as it was typed; the page sets it as text
}

TEST_CASE("A body over 8 KB is refused and the server keeps serving") {
    PhoneKiosk kiosk;
    const auto key = kiosk.phones_at("analyse", 1).at(0);
    const auto reply = kiosk.post("/api/notes", {{"key", key}, {"stage", "analyse"}, {"text", std::string(9000, 'x')}});
    REQUIRE(reply);
    CHECK(reply->status == 413);
    CHECK(body_of(reply)["error"] == "body_too_large");
    CHECK(kiosk.post("/api/notes", {{"key", key}, {"stage", "analyse"}, {"text", "daarna"}})->status == 201);
}

TEST_CASE("Oversized headers and garbage instead of HTTP are refused") {
    PhoneKiosk kiosk;
    RawConnection huge{kiosk.port};
    REQUIRE(huge.connected());
    huge.send("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(10000, 'a') + "\r\n\r\n");
    CHECK(huge.read_until("\r\n\r\n").rfind("HTTP/1.1 431", 0) == 0);
    RawConnection garbage{kiosk.port};
    garbage.send("HELLO THERE\r\n\r\n");
    CHECK(garbage.read_until("\r\n\r\n").rfind("HTTP/1.1 400", 0) == 0);
    CHECK(kiosk.client().Get("/")->status == 200);
}

TEST_CASE("A flood from one phone is slowed down while others carry on") {
    PhoneKiosk kiosk;
    const auto keys = kiosk.phones_at("analyse", 2);
    const auto& flooder = keys.at(0);
    const auto& calm = keys.at(1);
    int accepted = 0, slowed = 0;
    std::string message;
    for (int i = 0; i < 60; ++i) {
        const auto reply = kiosk.post("/api/ready", {{"key", flooder}, {"stage", "analyse"}, {"ready", i % 2 == 0}});
        if (reply->status == 429) {
            ++slowed;
            message = body_of(reply)["message"];
            CHECK(reply->get_header_value("Retry-After") == "5");
        } else {
            ++accepted;
        }
    }
    CHECK(accepted >= 20);
    CHECK(slowed >= 30);
    CHECK(message == "Rustig aan — wacht een paar seconden en probeer het opnieuw.");
    CHECK(kiosk.post("/api/notes", {{"key", calm}, {"stage", "analyse"}, {"text", "ik mag nog"}})->status == 201);
}

TEST_CASE("More phones than the room allows are refused kindly") {
    auto rules = kiosk::testing::default_rules();
    rules.max_participants = 3;
    PhoneKiosk kiosk{rules};
    kiosk.open_session();
    for (int i = 0; i < 3; ++i) REQUIRE_FALSE(kiosk.join().empty());
    const auto reply = kiosk.post("/api/join", {{"token", kiosk.view()->join_token}});
    CHECK(reply->status == 403);
    CHECK(body_of(reply)["error"] == "room_full");
    CHECK(kiosk.view()->participants.size() == 3);
}

TEST_CASE("A dot vote over HTTP: candidates while voting, the ranking after the reveal") {
    PhoneKiosk kiosk;
    const auto keys = kiosk.phones_at("probleemstelling", 2);
    const auto& anna = keys.at(0);
    const auto& bram = keys.at(1);
    const auto add = [&](const std::string& key, const std::string& text) {
        return body_of(kiosk.post("/api/notes", {{"key", key}, {"stage", "probleemstelling"}, {"text", text}}))["id"].get<int>();
    };
    const int a = add(anna, "Hoe kunnen we A, zodat B?");
    const int b = add(bram, "Hoe kunnen we C, zodat D?");
    kiosk.press(EventKind::Next);  // the vote opens
    const auto state = body_of(kiosk.client().Get(("/api/state?key=" + anna).c_str()));
    CHECK(state["stage"]["part"] == "vote");
    CHECK(state["notes"].size() == 2);
    CHECK(state.find("results") == state.end());

    const auto too_many = kiosk.post("/api/vote", {{"key", anna}, {"stage", "probleemstelling"}, {"dots", {a, a, b, b}}});
    CHECK(too_many->status == 422);
    CHECK(body_of(too_many)["message"] == "Zoveel stippen heb je niet.");
    CHECK(kiosk.post("/api/vote", {{"key", anna}, {"stage", "probleemstelling"}, {"dots", {b, b, a}}})->status == 200);
    CHECK(kiosk.post("/api/vote", {{"key", bram}, {"stage", "probleemstelling"}, {"dots", {b}}})->status == 200);
    // Votes stay hidden: a phone sees its own dots and how many voted, nobody else's dots.
    const auto during = body_of(kiosk.client().Get(("/api/state?key=" + bram).c_str()));
    CHECK(during["me"]["dots"] == Json::array({b}));
    CHECK(during["voters"] == 2);
    CHECK(during.dump().find("\"results\"") == std::string::npos);

    kiosk.press(EventKind::Next);  // the reveal
    const auto after = body_of(kiosk.client().Get(("/api/state?key=" + bram).c_str()));
    REQUIRE(after["results"].size() == 2);
    CHECK(after["results"][0]["id"] == b);
    CHECK(after["results"][0]["dots"] == 3);
    CHECK(after["results"][1]["dots"] == 1);
}

TEST_CASE("Ready from every phone moves the stage on, a majority buys more time once") {
    PhoneKiosk kiosk;
    const auto keys = kiosk.phones_at("analyse", 3);
    const auto& anna = keys.at(0);
    const auto& bram = keys.at(1);
    const auto& cas = keys.at(2);
    const auto deadline = kiosk.view()->timer.deadline;
    for (const auto& key : {anna, bram}) kiosk.post("/api/more-time", {{"key", key}, {"stage", "analyse"}});
    CHECK(kiosk.view()->timer.deadline == deadline + std::chrono::minutes{2});
    const auto again = kiosk.post("/api/more-time", {{"key", cas}, {"stage", "analyse"}});
    CHECK(again->status == 409);

    for (const auto& key : {anna, bram, cas})
        CHECK(kiosk.post("/api/ready", {{"key", key}, {"stage", "analyse"}, {"ready", true}})->status == 200);
    CHECK(kiosk.stage() == "probleemstelling");
}

TEST_CASE("The host code makes one phone host, it can pause, hide and skip") {
    PhoneKiosk kiosk;
    const auto keys = kiosk.phones_at("analyse", 2);
    const auto& host = keys.at(0);
    const auto& guest = keys.at(1);
    const int id = body_of(kiosk.post("/api/notes", {{"key", guest}, {"stage", "analyse"}, {"text", "oeps"}}))["id"];
    kiosk.press(EventKind::OfferHost);
    const auto code = kiosk.view()->host_offer->code;
    CHECK(kiosk.post("/api/host/claim", {{"key", host}, {"code", code}})->status == 200);
    CHECK(kiosk.post("/api/host/claim", {{"key", guest}, {"code", code}})->status == 403);
    CHECK(kiosk.post("/api/host/pause", {{"key", host}})->status == 200);
    CHECK(kiosk.view()->timer.paused);
    CHECK(kiosk.post("/api/host/hide", {{"key", host}, {"note", id}})->status == 200);
    CHECK(kiosk.view()->notes_of(kiosk.view()->step).empty());
    CHECK(kiosk.post("/api/host/next", {{"key", host}})->status == 200);
    CHECK(kiosk.stage() == "probleemstelling");
}

TEST_CASE("A live stream sends the state at once and again after every change") {
    PhoneKiosk kiosk;
    kiosk.open_session();
    const auto key = kiosk.join();
    RawConnection stream{kiosk.port};
    stream.send(stream_request(kiosk.port, key));
    CHECK(stream.read_until("\"phase\":\"lobby\"").find("text/event-stream") != std::string::npos);
    kiosk.press(EventKind::Start);  // into the check-in
    CHECK(stream.read_until("\"phase\":\"step\"").find("\"id\":\"checkin\"") != std::string::npos);

    RawConnection stale{kiosk.port};
    stale.send(stream_request(kiosk.port, std::string(32, 'f')));
    CHECK(stale.read_until("\r\n\r\n").rfind("HTTP/1.1 401", 0) == 0);
}

TEST_CASE("The server closes the stream of a removed phone and of a session that ended, after saying so") {
    PhoneKiosk kiosk;
    kiosk.open_session();
    const auto removed = kiosk.join();
    const auto stays = kiosk.join();
    RawConnection gone{kiosk.port};
    gone.send(stream_request(kiosk.port, removed));
    REQUIRE(gone.read_until("\"phase\":\"lobby\"").find("text/event-stream") != std::string::npos);
    RawConnection other{kiosk.port};
    other.send(stream_request(kiosk.port, stays));
    REQUIRE(other.read_until("\"phase\":\"lobby\"").find("text/event-stream") != std::string::npos);

    kiosk.press(EventKind::OfferHost);  // the other phone is host and removes phone 1
    REQUIRE(kiosk.post("/api/host/claim", {{"key", stays}, {"code", kiosk.view()->host_offer->code}})->status == 200);
    REQUIRE(kiosk.post("/api/host/remove", {{"key", stays}, {"participant", 1}})->status == 200);
    // The removed phone hears "ended", then the connection ends (read_until stops at the close).
    const auto heard = gone.read_until("never sent");
    CHECK(heard.find("\"phase\":\"ended\"") != std::string::npos);
    CHECK(gone.closed());
    // A new stream for that key is refused; the other phone's stream stays open and current.
    RawConnection again{kiosk.port};
    again.send(stream_request(kiosk.port, removed));
    CHECK(again.read_until("\r\n\r\n").rfind("HTTP/1.1 401", 0) == 0);
    CHECK(!other.closed_within(std::chrono::milliseconds{300}));

    kiosk.press(EventKind::Previous);  // the session closes: every phone's stream ends
    CHECK(other.read_until("never sent").find("\"phase\":\"ended\"") != std::string::npos);
    CHECK(other.closed());
}

TEST_CASE("Two hundred phones hold live streams on two server threads and all see a new note") {
    auto rules = kiosk::testing::default_rules();
    rules.max_participants = 250;
    net::ServerLimits limits;
    limits.connections_per_address = 1000;  // all two hundred come from 127.0.0.1
    PhoneKiosk kiosk{rules, "nl", 500, limits};
    kiosk.open_session();
    std::vector<std::string> keys;
    for (int i = 0; i < 200; ++i) keys.push_back(kiosk.join());
    REQUIRE(kiosk.view()->participants.size() == 200);
    kiosk.walk_to("probleemstelling");
    std::vector<std::unique_ptr<RawConnection>> streams;
    for (const auto& key : keys) {
        streams.push_back(std::make_unique<RawConnection>(kiosk.port));
        streams.back()->send(stream_request(kiosk.port, key));
    }
    for (auto& stream : streams) REQUIRE(stream->read_until("probleemstelling").find("200 OK") != std::string::npos);
    CHECK(kiosk.stats().streams == 200);

    // While all of them are open, a phone's note is accepted, and every stream hears of it.
    const auto reply = kiosk.post("/api/notes", {{"key", keys[7]}, {"stage", "probleemstelling"}, {"text", "Hoe kunnen we X, zodat Y?"}});
    REQUIRE(reply);
    CHECK(reply->status == 201);
    kiosk.press(EventKind::Next);  // the vote opens: every phone gets the candidates
    int heard = 0;
    for (auto& stream : streams) heard += stream->read_until("Hoe kunnen we X").find("Hoe kunnen we X") != std::string::npos;
    CHECK(heard == 200);
}

TEST_CASE("A kiosk in English answers phones in English") {
    PhoneKiosk kiosk{kiosk::testing::default_rules(), "en"};
    kiosk.open_session();
    const auto page = kiosk.client().Get(("/j/" + kiosk.view()->join_token).c_str());
    CHECK(page->body.find("<html lang=\"en\">") != std::string::npos);
    const auto key = kiosk.join();
    kiosk.walk_to("analyse");
    const auto reply = kiosk.post("/api/notes", {{"key", key}, {"stage", "analyse"}, {"text", std::string(300, 'x')}});
    CHECK(body_of(reply)["message"] == "That's too long: 280 characters at most.");
    const auto strings = body_of(kiosk.client().Get("/api/strings"));
    CHECK(strings["strings"]["ready"] == "I'm done");
}

TEST_CASE("First names reach the screen only when the room shows names") {
    auto rules = kiosk::testing::default_rules();
    rules.show_names = true;
    PhoneKiosk named{rules};
    named.open_session();
    named.join("Anna");
    CHECK(named.view()->participants.at(0).name == "Anna");
    CHECK(body_of(named.client().Get("/api/strings"))["show_names"] == true);

    PhoneKiosk anonymous;
    anonymous.open_session();
    anonymous.join("Anna");
    CHECK(anonymous.view()->participants.at(0).name.empty());
    CHECK(body_of(anonymous.client().Get("/api/strings"))["show_names"] == false);
}

TEST_CASE("The outcome downloads only with the session's token, in every format") {
    PhoneKiosk kiosk;
    const auto key = kiosk.phones_at("analyse", 1).at(0);
    kiosk.post("/api/notes", {{"key", key}, {"stage", "analyse"}, {"text", "<b>vet</b>, \"quote\""}});
    const auto token = kiosk.view()->join_token;
    while (kiosk.view()->phase != Phase::WrapUp) kiosk.press(EventKind::Next);  // served from the wrap-up on
    const auto page = kiosk.client().Get(("/x/" + token).c_str());
    REQUIRE(page);
    CHECK(page->status == 200);
    for (const char* format : {"html", "md", "csv", "json"})
        CHECK(page->body.find(std::string{"/x/"} + token + "/vitale-sessie." + format) != std::string::npos);

    const auto md = kiosk.client().Get(("/x/" + token + "/vitale-sessie.md").c_str());
    CHECK(md->status == 200);
    CHECK(md->get_header_value("Content-Disposition") == "attachment; filename=\"vitale-sessie.md\"");
    CHECK(md->body.find("\\<b\\>vet\\</b\\>") != std::string::npos);
    const auto json = kiosk.client().Get(("/x/" + token + "/vitale-sessie.json").c_str());
    CHECK(Json::parse(json->body)["stages"][1]["notes"][0]["text"] == "<b>vet</b>, \"quote\"");
    const auto html = kiosk.client().Get(("/x/" + token + "/vitale-sessie.html").c_str());
    CHECK(html->get_header_value("Content-Type") == "text/html; charset=utf-8");
    CHECK(html->get_header_value("Content-Disposition").empty());  // printable: opens in the browser
    CHECK(html->body.find("<b>vet</b>") == std::string::npos);

    CHECK(kiosk.client().Get(("/x/" + token + "/vitale-sessie.pdf").c_str())->status == 404);
    CHECK(kiosk.client().Get(("/x/" + std::string(32, '0') + "/vitale-sessie.md").c_str())->status == 410);
    CHECK(kiosk.client().Get(("/x/" + token + "/../../etc/passwd").c_str())->status == 404);
}

TEST_CASE("The AI stage's and the validation's phone requests over HTTP, and what they refuse") {
    PhoneKiosk kiosk;
    const auto keys = kiosk.phones_at("ai-voorstel", 2);
    kiosk.press(EventKind::Start);  // send the prompt now
    kiosk.submit({EventKind::AiPrompt, Sender::system(), AiPromptPayload{kiosk.view()->proposal.request, "## Instructies\nDe prompt", "", 0}});  // no model: the manual route
    REQUIRE(kiosk.view()->proposal.state == ProposalState::Manual);

    auto got = kiosk.client().Get(("/api/prompt?key=" + keys[0]).c_str());
    REQUIRE(got);
    CHECK(got->status == 200);
    CHECK(body_of(got)["prompt"] == "## Instructies\nDe prompt");
    CHECK(kiosk.client().Get("/api/prompt?key=not-a-phone")->status == 401);

    // A pasted answer may be longer than the 8 KB other requests get; far longer is refused.
    std::string answer = "## Voorstel\n\n";
    while (answer.size() < 12'000) answer += "Een zin van het voorstel. ";
    const auto huge = kiosk.post("/api/proposal/answer", {{"key", keys[1]}, {"stage", "ai-voorstel"}, {"text", std::string(100'000, 'x')}});
    REQUIRE(huge);
    CHECK(huge->status == 413);
    const auto pasted = kiosk.post("/api/proposal/answer", {{"key", keys[1]}, {"stage", "ai-voorstel"}, {"text", answer}});
    REQUIRE(pasted);
    CHECK(pasted->status == 200);
    CHECK(kiosk.view()->proposal.latest()->pasted);
    const auto marked = kiosk.post("/api/proposal/mark", {{"key", keys[0]}, {"stage", "ai-voorstel"}, {"paragraph", 1}, {"mark", "love"}});
    CHECK(marked->status == 422);
    CHECK(body_of(marked)["error"] == "bad_choice");
    CHECK(kiosk.post("/api/proposal/mark", {{"key", keys[0]}, {"stage", "ai-voorstel"}, {"paragraph", 1}, {"mark", "risk"}})->status == 200);

    kiosk.press(EventKind::Next);  // the validation
    const auto criteria = kiosk.view()->content->criteria.size();
    CHECK(kiosk.post("/api/validation/scores", {{"key", keys[0]}, {"stage", "validatie"}, {"scores", "vijf"}})->status == 400);
    CHECK(kiosk.post("/api/validation/scores", {{"key", keys[0]}, {"stage", "validatie"}, {"scores", Json::array({4, 4})}})->status == 422);
    CHECK(kiosk.post("/api/validation/scores", {{"key", keys[0]}, {"stage", "validatie"}, {"scores", std::vector<int>(criteria, 4)}})->status == 200);
    CHECK(kiosk.post("/api/lobby/situation", {{"key", keys[0]}, {"text", "te laat"}})->status == 409);
    kiosk.press(EventKind::Next);
    kiosk.press(EventKind::Next);  // the owner part
    CHECK(kiosk.post("/api/validation/volunteer", {{"key", keys[0]}, {"stage", "validatie"}, {"name", "Sanne"}})->status == 200);
    const auto bad_date = kiosk.post("/api/validation/commit",
                                     {{"key", keys[0]}, {"stage", "validatie"}, {"first_step", "Begin"}, {"review_date", "2026-02-31"}});
    REQUIRE(bad_date);
    CHECK(bad_date->status == 422);
    CHECK(body_of(bad_date)["message"] == "Kies een geldige datum.");
    CHECK(kiosk.post("/api/validation/commit", {{"key", keys[1]}, {"stage", "validatie"}, {"first_step", "Ik ook"}, {"review_date", "2026-12-01"}})
              ->status == 403);  // not the owner
    CHECK(kiosk.post("/api/validation/commit", {{"key", keys[0]}, {"stage", "validatie"}, {"first_step", "Begin"}, {"review_date", "2026-12-01"}})
              ->status == 200);
    CHECK(kiosk.view()->validation.review_date == 20261201);
}
