#include "tests/fake_llm/fake_llm.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <stdexcept>
#include <vector>

namespace kiosk::testing {

using Json = nlohmann::json;
using namespace std::chrono_literals;

namespace {

std::vector<std::string> pieces_of(const std::string& text, std::size_t size) {
    std::vector<std::string> pieces;
    // Like the providers: pieces of whole characters (JSON strings are always valid UTF-8).
    for (std::size_t at = 0; at < text.size();) {
        auto end = std::min(at + size, text.size());
        while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
        pieces.push_back(text.substr(at, end - at));
        at = end;
    }
    return pieces;
}

// One streamed piece in each provider's format.
std::string openai_chunk(const std::string& text) {
    return "data: " +
           Json{{"id", "chatcmpl-1"}, {"object", "chat.completion.chunk"}, {"created", 1}, {"model", "fake"},
                {"system_fingerprint", "fp_1"},
                {"choices", Json::array({{{"index", 0}, {"delta", {{"content", text}}}, {"logprobs", nullptr}, {"finish_reason", nullptr}}})}}
               .dump() +
           "\n\n";
}

std::string anthropic_event(const std::string& name, const Json& data) { return "event: " + name + "\ndata: " + data.dump() + "\n\n"; }

std::string anthropic_delta(const std::string& text) {
    return anthropic_event("content_block_delta",
                           {{"type", "content_block_delta"}, {"index", 0}, {"delta", {{"type", "text_delta"}, {"text", text}}}});
}

std::string opening(bool anthropic) {
    if (!anthropic)  // the role arrives first, with no content
        return "data: " +
               Json{{"id", "chatcmpl-1"}, {"object", "chat.completion.chunk"}, {"model", "fake"},
                    {"choices", Json::array({{{"index", 0}, {"delta", {{"role", "assistant"}, {"content", ""}}}, {"finish_reason", nullptr}}})}}
                   .dump() +
               "\n\n";
    return anthropic_event("message_start", {{"type", "message_start"},
                                             {"message", {{"id", "msg_1"}, {"type", "message"}, {"role", "assistant"}, {"model", "fake"},
                                                          {"content", Json::array()}, {"stop_reason", nullptr},
                                                          {"usage", {{"input_tokens", 25}, {"output_tokens", 1}}}}}}) +
           anthropic_event("content_block_start",
                           {{"type", "content_block_start"}, {"index", 0}, {"content_block", {{"type", "text"}, {"text", ""}}}}) +
           anthropic_event("ping", {{"type", "ping"}});
}

std::string closing(bool anthropic) {
    if (!anthropic)
        return "data: " +
               Json{{"id", "chatcmpl-1"}, {"object", "chat.completion.chunk"}, {"model", "fake"},
                    {"choices", Json::array({{{"index", 0}, {"delta", Json::object()}, {"finish_reason", "stop"}}})},
                    {"usage", {{"prompt_tokens", 10}, {"completion_tokens", 20}, {"total_tokens", 30}}}}
                   .dump() +
               "\n\ndata: [DONE]\n\n";
    return anthropic_event("content_block_stop", {{"type", "content_block_stop"}, {"index", 0}}) +
           anthropic_event("message_delta", {{"type", "message_delta"},
                                             {"delta", {{"stop_reason", "end_turn"}, {"stop_sequence", nullptr}}},
                                             {"usage", {{"output_tokens", 15}}}}) +
           anthropic_event("message_stop", {{"type", "message_stop"}});
}

std::string piece(bool anthropic, const std::string& text) { return anthropic ? anthropic_delta(text) : openai_chunk(text); }

// An HTTP error body as each provider writes it.
std::string error_body(bool anthropic, int status) {
    static const std::map<int, std::pair<std::string, std::string>> kinds{
        {400, {"invalid_request_error", "Bad request"}},   {401, {"authentication_error", "invalid x-api-key"}},
        {403, {"permission_error", "Not allowed"}},        {404, {"not_found_error", "model not found"}},
        {413, {"request_too_large", "Request too large"}}, {429, {"rate_limit_error", "Rate limited"}},
        {500, {"api_error", "Internal error"}},            {529, {"overloaded_error", "Overloaded"}}};
    const auto& [type, message] = kinds.count(status) ? kinds.at(status) : kinds.at(500);
    if (anthropic) return Json{{"type", "error"}, {"error", {{"type", type}, {"message", message}}}}.dump();
    return Json{{"error", {{"message", message}, {"type", type}, {"param", nullptr}, {"code", nullptr}}}}.dump();
}

}  // namespace

const std::string& FakeLlm::answer() {
    static const std::string text =
        "## Voorstel\n\nBegin elke overdracht met **vijf vaste vragen**, zodat niets blijft liggen.\n\n"
        "## Stappen\n\n1. Kies de vragen.\n2. Probeer twee weken.\n\n## Eigenaar\n\nDe teamcoördinator.";
    return text;
}

FakeLlm::FakeLlm(int port) {
    const auto route = [this](bool anthropic) {
        return [this, anthropic](const httplib::Request& request, httplib::Response& response) {
            const Json body = Json::parse(request.body, nullptr, false);
            std::string scenario = body.is_object() && body.contains("model") && body["model"].is_string()
                                       ? body["model"].get<std::string>() : "";
            if (request.has_param("deployment")) scenario = request.get_param_value("deployment");
            if (request.matches.size() > 1 && request.matches[1].matched) scenario = request.matches[1].str();
            handle(request, response, anthropic, scenario);
        };
    };
    m_server.Post("/v1/chat/completions", route(false));
    m_server.Post("/v1/messages", route(true));
    m_server.Post(R"(/openai/deployments/([a-z0-9-]+)/chat/completions)", route(false));
    m_server.new_task_queue = [] { return new httplib::ThreadPool(16); };
    m_port = port > 0 && m_server.bind_to_port("127.0.0.1", port) ? port : m_server.bind_to_any_port("127.0.0.1");
    if (m_port <= 0) throw std::runtime_error("FakeLlm: cannot listen on 127.0.0.1");
    m_thread = std::thread([this] { m_server.listen_after_bind(); });
    while (!m_server.is_running()) std::this_thread::sleep_for(1ms);
}

FakeLlm::~FakeLlm() {
    m_stopping = true;
    m_server.stop();
    m_thread.join();
}

int FakeLlm::requests(const std::string& scenario) const {
    std::lock_guard lock{m_mutex};
    const auto found = m_requests.find(scenario);
    return found == m_requests.end() ? 0 : found->second;
}

std::string FakeLlm::last_header(const std::string& name) const {
    std::lock_guard lock{m_mutex};
    const auto found = m_last_headers.find(name);
    return found == m_last_headers.end() ? "" : found->second;
}

std::string FakeLlm::last_body() const {
    std::lock_guard lock{m_mutex};
    return m_last_body;
}

std::string FakeLlm::last_path() const {
    std::lock_guard lock{m_mutex};
    return m_last_path;
}

void FakeLlm::handle(const httplib::Request& request, httplib::Response& response, bool anthropic, std::string scenario) {
    int count = 0;
    {
        std::lock_guard lock{m_mutex};
        count = ++m_requests[scenario];
        m_last_headers = request.headers;
        m_last_body = request.body;
        m_last_path = request.path + (request.params.empty() ? "" : "?api-version=" + request.get_param_value("api-version"));
    }
    // Errors by status: "http-401", "http-529", ...; "rate-limited-once" is a 429 the first time.
    int status = 0;
    if (scenario.rfind("http-", 0) == 0) status = std::stoi(scenario.substr(5));
    if (scenario == "rate-limited-once" && count == 1) {
        status = 429;
        response.set_header("retry-after", "1");
    }
    if (status) {
        response.status = status;
        response.set_content(error_body(anthropic, status), "application/json");
        return;
    }
    if (scenario == "whole") {
        const Json whole = anthropic
            ? Json{{"id", "msg_1"}, {"type", "message"}, {"role", "assistant"}, {"model", "fake"},
                   {"content", Json::array({{{"type", "text"}, {"text", answer()}}})}, {"stop_reason", "end_turn"}}
            : Json{{"id", "chatcmpl-1"}, {"object", "chat.completion"}, {"model", "fake"},
                   {"choices", Json::array({{{"index", 0}, {"message", {{"role", "assistant"}, {"content", answer()}}}, {"finish_reason", "stop"}}})}};
        response.set_content(whole.dump(), "application/json");
        return;
    }
    if (scenario == "garbage") {
        response.set_content("<html><body>502 Bad Gateway from a proxy</body></html>", "text/html");
        return;
    }
    if (scenario == "silent") {  // nothing at all, not even headers
        for (int i = 0; i < 100 && !m_stopping; ++i) std::this_thread::sleep_for(100ms);
        response.status = 504;
        return;
    }
    const auto drip = std::chrono::milliseconds{m_drip_ms.load()};
    const int long_pieces = m_long_pieces.load();
    std::string whole = answer();
    if (scenario == "scripted") {  // the test's answers in turn, the last one again when they run out
        std::lock_guard lock{m_mutex};
        if (!m_script.empty()) whole = m_script[std::min(static_cast<std::size_t>(count - 1), m_script.size() - 1)];
    }
    response.set_header("Cache-Control", "no-cache");
    response.set_chunked_content_provider("text/event-stream", [this, anthropic, scenario, drip, long_pieces, whole](std::size_t, httplib::DataSink& sink) {
        const auto write = [&](const std::string& out) { return sink.write(out.data(), out.size()); };
        const auto pieces = pieces_of(whole, 12);
        write(opening(anthropic));
        if (scenario == "empty") {
            write(closing(anthropic));
        } else if (scenario == "garbage-data") {
            write("data: {this is not json\n\n");
        } else if (scenario == "error-midstream") {
            write(piece(anthropic, pieces[0]));
            write(anthropic ? anthropic_event("error", {{"type", "error"}, {"error", {{"type", "overloaded_error"}, {"message", "Overloaded"}}}})
                            : "data: " + Json{{"error", {{"message", "The server had an error"}, {"type", "server_error"}}}}.dump() + "\n\n");
        } else if (scenario == "stall" || scenario == "disconnect") {
            write(piece(anthropic, pieces[0]));
            write(piece(anthropic, pieces[1]));
            if (scenario == "disconnect") return false;  // the connection drops mid-answer
            for (int i = 0; i < 100 && !m_stopping; ++i) std::this_thread::sleep_for(100ms);
            return false;
        } else if (scenario == "endless" || scenario == "long") {
            // "endless": far longer than asked; "long": a long answer that ends (the benchmark's).
            const int total = scenario == "endless" ? 100000 : long_pieces;
            for (int i = 0; i < total && !m_stopping; ++i) {
                if (!write(piece(anthropic, i % 40 == 39 ? "alinea.\n\n" : "woord " + std::to_string(i) + " "))) return false;
                if (scenario == "long") std::this_thread::sleep_for(drip);
            }
            if (scenario == "long") write(closing(anthropic));
        } else {
            // "ok", "drip" and any other model name: the answer in pieces, then the end.
            for (const auto& text : pieces) {
                write(piece(anthropic, text));
                if (scenario == "drip") std::this_thread::sleep_for(drip);
            }
            write(closing(anthropic));
        }
        sink.done();
        return true;
    });
}

}  // namespace kiosk::testing
