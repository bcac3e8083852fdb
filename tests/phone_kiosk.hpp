#pragma once
// A kiosk without a screen for the HTTP tests: the real config, engine, engine thread, phone
// API and HTTP server on 127.0.0.1 with a free port, and cpp-httplib as an independent client.
#include <httplib.h>

#include <nlohmann/json.hpp>

#include <chrono>
#include <functional>
#include <memory>
#include <thread>
#include <vector>

#include "kiosk/config/config_loader.hpp"
#include "kiosk/core/engine_loop.hpp"
#include "kiosk/net/http_server.hpp"
#include "kiosk/net/phone_address.hpp"
#include "kiosk/net/phone_api.hpp"
#include "kiosk/store/session_export.hpp"

namespace kiosk::testing {

using Json = nlohmann::json;

inline SessionRules default_rules() { return load_config(KIOSK_SOURCE_DIR "/config").settings.session; }

class PhoneKiosk {
public:
    // Tests' phones all come from 127.0.0.1, so one address may join many unless a test says otherwise.
    explicit PhoneKiosk(SessionRules rules = default_rules(), const std::string& language = "nl", int joins_per_address = 500,
                        net::ServerLimits limits = {}, int wrong_code_budget = 200)
        : m_config{load_config(KIOSK_SOURCE_DIR "/config", language)}, m_reservation{std::make_unique<net::PortReservation>(0)},
          port{m_reservation->port()},
          m_engine{m_config.content, m_config.settings.timers, rules},
          m_loop{m_engine, m_clock, {[this](const auto&) { if (auto* s = m_server.get()) s->publish(); }, nullptr, nullptr, nullptr, nullptr, nullptr}},
          m_api{{m_loop, m_clock, m_config.phone_strings, language, rules.max_text, rules.show_names,
                 m_config.settings.phone_requests_per_minute, 2, joins_per_address, [](const View&) { return std::string{"Wat verraste je?"}; },
                 [this, language](const View& view, const std::string& format) {
                     const auto chosen = store::export_format_from(format);
                     return chosen ? store::export_session(view,
                                                           {"Leerruimte Test", "2026-11-23 09:00", false, date_words(m_config.strings),
                                                            {language, &m_config.strings}},
                                                           *chosen)
                                   : std::string{};
                 },
                 date_words(m_config.strings), wrong_code_budget,
                 // As the live kiosk: only its own names (tests reach it as 127.0.0.1:port).
                 net::accepted_hosts("http://127.0.0.1:" + std::to_string(port), port),
                 [](const View& view) { return coffee_question(view.coffee, true, "Wat verraste je deze week?"); },
                 "open"}} {
        m_server = std::make_unique<net::HttpServer>(
            m_reservation->release(),
            [this](net::HttpRequest request, net::Responder responder) { m_api.handle(std::move(request), responder); },
            [this](const std::string& key) { return m_api.render(key); }, limits);
        m_reservation.reset();
    }
    ~PhoneKiosk() {
        m_loop.stop();
        m_server.reset();
    }

    std::shared_ptr<const View> view() const { return m_loop.view(); }
    net::ServerStats stats() const { return m_server->stats(); }

    // Waits (up to 3 s) until the published View satisfies `done`.
    bool wait_until(const std::function<bool(const View&)>& done) const {
        for (int i = 0; i < 600; ++i) {
            if (done(*view())) return true;
            std::this_thread::sleep_for(std::chrono::milliseconds{5});
        }
        return false;
    }
    // A key on the room's keyboard; returns once the engine has applied it.
    void press(EventKind kind) {
        const auto before = view()->version;
        m_loop.post(kind);
        wait_until([&](const View& v) { return v.version != before; });
    }
    void open_session() { press(EventKind::Start); }
    // An event from the room's side (the AI worker, say); returns once it is applied.
    void submit(Event event) {
        const auto before = view()->version;
        m_loop.submit(std::move(event), nullptr);
        wait_until([&](const View& v) { return v.version != before; });
    }
    void walk_to(const std::string& stage_id) {
        press(EventKind::Start);
        while (!(view()->in_step() && view()->step_spec().id == stage_id)) press(EventKind::Next);
    }

    httplib::Client client() const {
        httplib::Client c{"127.0.0.1", port};
        c.set_read_timeout(5, 0);
        return c;
    }
    httplib::Result post(const std::string& path, const Json& body) const {
        return client().Post(path.c_str(), body.dump(), "application/json");
    }
    // Joins through the API as a phone would; returns the phone's key.
    std::string join(const std::string& name = "") const {
        Json body{{"token", view()->join_token}};
        if (!name.empty()) body["name"] = name;
        const auto reply = post("/api/join", body);
        if (!reply || reply->status != 200) return {};
        return Json::parse(reply->body).at("key").get<std::string>();
    }
    // Opens a session, lets `count` phones join, and walks the room to `stage_id`.
    std::vector<std::string> phones_at(const std::string& stage_id, int count) {
        open_session();
        std::vector<std::string> keys;
        for (int i = 0; i < count; ++i) keys.push_back(join());
        walk_to(stage_id);
        return keys;
    }
    std::string stage() const { return view()->in_step() ? view()->step_spec().id : ""; }

private:
    Config m_config;
    std::unique_ptr<net::PortReservation> m_reservation;  // until the server takes the socket

public:
    int port = 0;

private:
    SystemClock m_clock;
    Engine m_engine;
    EngineLoop m_loop;
    net::PhoneApi m_api;
    std::unique_ptr<net::HttpServer> m_server;
};

}  // namespace kiosk::testing
