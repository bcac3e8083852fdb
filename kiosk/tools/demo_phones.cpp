#include "kiosk/tools/demo_phones.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <stdexcept>

#include "kiosk/net/http_client.hpp"
#include "kiosk/net/phone_state.hpp"

namespace kiosk::tools {

using Json = nlohmann::json;

namespace {

}  // namespace

std::string load_demo_proposal(const Config& config) {
    const auto path = config.dir / ("demo." + config.settings.language + ".json");
    std::ifstream file{path};
    const Json json = file ? Json::parse(file, nullptr, false) : Json{};
    const auto found = json.is_object() ? json.find("proposal") : json.end();
    if (found == json.end() || !found->is_string() || found->get<std::string>().empty())
        throw std::runtime_error{path.string() + ": proposal: a screenshot of the AI proposal needs a sample answer here, " +
                                 "in Markdown, e.g. \"proposal\": \"## Voorstel\\n...\""};
    return found->get<std::string>();
}

std::map<std::string, std::vector<std::string>> load_demo_samples(const Config& config) {
    const auto path = config.dir / ("demo." + config.settings.language + ".json");
    std::ifstream file{path};
    const Json json = file ? Json::parse(file, nullptr, false) : Json{};
    std::map<std::string, std::vector<std::string>> samples;
    for (const char* kind : {"answer", "facts", "statements", "ideas", "constraints", "coffee_answers"}) {
        const auto found = json.is_object() ? json.find(kind) : json.end();
        if (found == json.end() || !found->is_array() || found->empty() ||
            !std::all_of(found->begin(), found->end(), [](const Json& j) { return j.is_string(); }))
            throw std::runtime_error{path.string() + ": " + kind +
                                     ": --demo needs a list of sample texts here, e.g. \"" + kind +
                                     "\": [\"...\", \"...\"]"};
        samples[kind] = found->get<std::vector<std::string>>();
    }
    return samples;
}

namespace {

long long now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

}  // namespace

DemoPhones::DemoPhones(DemoSetup setup) : m_setup{setup}, m_samples{load_demo_samples(setup.config)} {
    m_thread = std::thread([this] { run(); });
}

DemoPhones::~DemoPhones() {
    m_stop = true;
    m_thread.join();
}

long long DemoPhones::pause_ms() {
    // A person reads, thinks and types: 4 to 14 seconds between moves.
    m_seed = m_seed * 1103515245u + 12345u;
    return 4000 + static_cast<long long>((m_seed >> 8) % 10000);
}

void DemoPhones::run() {
    while (!m_stop) {
        std::this_thread::sleep_for(std::chrono::milliseconds{200});
        const auto view = m_setup.loop.view();
        if (!view->session_open()) continue;
        if (view->join_token != m_session) {  // a new session: everyone joins again
            m_session = view->join_token;
            m_phones.clear();
            for (int i = 0; i < m_setup.phones && !m_stop; ++i) {
                const auto reply = net::post_json(m_setup.port, "/api/join", Json{{"token", m_session}}.dump());
                const Json body = Json::parse(reply.body, nullptr, false);
                if (reply.status != 200 || !body.is_object()) continue;
                m_phones.push_back({body.value("key", ""), body.value("number", 0), now_ms() + pause_ms()});
            }
        }
        const long long now = now_ms();
        for (auto& phone : m_phones) {
            if (m_stop || phone.next_at > now) continue;
            act(phone, *m_setup.loop.view(), now);
            phone.next_at = now + pause_ms();
        }
    }
}

void DemoPhones::act(Phone& phone, const View& view, long long now) {
    if (!view.in_step()) return;
    const auto& spec = view.step_spec();
    Json body{{"key", phone.key}, {"stage", spec.id}};
    const auto send = [&](const char* path) { net::post_json(m_setup.port, path, body.dump()); };
    const bool ready = view.activity.ready.count(phone.number) > 0;
    const auto kind = net::contribution_name(spec.contribution);
    if (view.part() == Part::Write && m_samples.count(kind)) {
        int mine = 0;
        for (const auto* note : view.notes_of(view.step)) mine += note->author == phone.number ? 1 : 0;
        const int wanted = spec.max_per_person > 0 ? spec.max_per_person : 3;
        if (mine < wanted && (now / 1000 + phone.number) % 4 != 0) {
            const auto& texts = m_samples.at(kind);
            body["text"] = texts[static_cast<std::size_t>(phone.number * 7 + mine * 3 + view.step) % texts.size()];
            return send("/api/notes");
        }
    } else if (view.part() == Part::Vote && view.dots.at(static_cast<std::size_t>(view.step)).count(phone.number) == 0) {
        const auto notes = view.notes_of(view.step);
        if (!notes.empty()) {
            Json dots = Json::array();
            for (int i = 0; i < spec.dots; ++i)
                dots.push_back(notes[static_cast<std::size_t>(phone.number + i * i) % notes.size()]->id);
            body["dots"] = dots;
            return send("/api/vote");
        }
    }
    if (!ready) {
        body["ready"] = true;
        send("/api/ready");
    }
}

}  // namespace kiosk::tools
