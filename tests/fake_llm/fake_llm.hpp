#pragma once
// A language-model service on 127.0.0.1 for tests and benchmarks. It speaks the real wire
// formats of OpenAI-compatible chat completions (POST /v1/chat/completions, also Azure's
// /openai/deployments/<name>/chat/completions) and Anthropic Messages (POST /v1/messages):
// streamed as SSE, or whole as JSON, and every way they fail. The request's "model" picks the
// behaviour (see scenario names in fake_llm.cpp); Azure requests use the deployment name.
#include <httplib.h>

#include <atomic>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace kiosk::testing {

class FakeLlm {
public:
    // The answer every successful scenario streams, in pieces of a few words.
    static const std::string& answer();

    explicit FakeLlm(int port = 0);
    ~FakeLlm();
    FakeLlm(const FakeLlm&) = delete;
    FakeLlm& operator=(const FakeLlm&) = delete;

    int port() const { return m_port; }
    std::string base_url() const { return "http://127.0.0.1:" + std::to_string(m_port) + "/v1"; }
    std::string root_url() const { return "http://127.0.0.1:" + std::to_string(m_port); }

    // What the service saw.
    int requests(const std::string& scenario) const;
    std::string last_header(const std::string& name) const;
    std::string last_body() const;
    std::string last_path() const;

    // "drip": milliseconds between pieces (the benchmark's long answer uses this too).
    void set_drip_ms(int ms) { m_drip_ms = ms; }
    // "long": how many pieces the long answer has.
    void set_long_pieces(int pieces) { m_long_pieces = pieces; }
    // "scripted": the answers to its requests, in turn (the last again when they run out).
    void script(std::vector<std::string> answers) {
        std::lock_guard lock{m_mutex};
        m_script = std::move(answers);
    }

private:
    void handle(const httplib::Request& request, httplib::Response& response, bool anthropic, std::string scenario);

    httplib::Server m_server;
    std::thread m_thread;
    int m_port = 0;
    mutable std::mutex m_mutex;
    std::map<std::string, int> m_requests;
    httplib::Headers m_last_headers;
    std::string m_last_body, m_last_path;
    std::vector<std::string> m_script;
    std::atomic<int> m_drip_ms{150};
    std::atomic<int> m_long_pieces{400};
    std::atomic<bool> m_stopping{false};
};

}  // namespace kiosk::testing
