// The real AI client (libcurl) over real HTTP against the fake service on 127.0.0.1: both
// providers' streams, whole answers, and every way a service fails.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <chrono>
#include <thread>

#include "kiosk/ai/ai_client.hpp"
#include "tests/fake_llm/fake_llm.hpp"

using namespace kiosk;
using namespace kiosk::ai;
using namespace std::chrono_literals;
using kiosk::testing::FakeLlm;

namespace {

struct Asked {
    AskOutcome outcome;
    std::string text;
    int pieces = 0;
    std::chrono::milliseconds took{0};
};

Settings settings_for(const FakeLlm& llm, Provider provider, const std::string& scenario) {
    Settings settings;
    settings.provider = provider;
    settings.base_url = llm.base_url();
    settings.model = scenario;
    settings.first_byte_seconds = 2;
    settings.stall_seconds = 1;
    settings.timeout_seconds = 20;
    settings.retries = 2;
    settings.max_words = 100;
    return settings;
}

Asked ask(const Settings& settings, const std::string& key = "sk-test-key-123", const std::atomic<bool>* cancel = nullptr) {
    static const std::atomic<bool> never{false};
    Prompt prompt{"De instructies", "Het verzoek", "", "DATA-x", 0};
    Asked asked;
    const auto start = std::chrono::steady_clock::now();
    asked.outcome = AiClient{settings, key}.ask(
        prompt, [&](const std::string& text) { asked.text += text, ++asked.pieces; }, cancel ? *cancel : never);
    asked.took = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
    return asked;
}

const Provider k_both[] = {Provider::OpenAi, Provider::Anthropic};

}  // namespace

TEST_CASE("Both providers stream the answer piece by piece to the end") {
    FakeLlm llm;
    for (const auto provider : k_both) {
        const auto asked = ask(settings_for(llm, provider, "ok"));
        INFO(provider_name(provider));
        CHECK(asked.outcome.complete);
        CHECK(asked.outcome.failure.empty());
        CHECK(asked.text == FakeLlm::answer());
        CHECK(asked.pieces > 5);
    }
}

TEST_CASE("Requests carry each provider's headers, path and body") {
    FakeLlm llm;
    ask(settings_for(llm, Provider::OpenAi, "ok"));
    CHECK(llm.last_path() == "/v1/chat/completions");
    CHECK(llm.last_header("Authorization") == "Bearer sk-test-key-123");
    auto body = nlohmann::json::parse(llm.last_body());
    CHECK(body["stream"] == true);
    CHECK(body["messages"][0]["role"] == "system");
    CHECK(body["messages"][0]["content"] == "De instructies");
    CHECK(body["messages"][1]["content"] == "Het verzoek");

    ask(settings_for(llm, Provider::Anthropic, "ok"));
    CHECK(llm.last_path() == "/v1/messages");
    CHECK(llm.last_header("x-api-key") == "sk-test-key-123");
    CHECK(llm.last_header("anthropic-version") == "2023-06-01");
    CHECK(llm.last_header("Authorization").empty());
    body = nlohmann::json::parse(llm.last_body());
    CHECK(body["system"] == "De instructies");
    CHECK(body["messages"][0]["role"] == "user");
    CHECK(body["max_tokens"].get<int>() >= 1024);

    auto azure = settings_for(llm, Provider::OpenAi, "");
    azure.base_url = llm.root_url();
    azure.deployment = "ok";
    azure.api_version = "2024-06-01";
    const auto asked = ask(azure);
    CHECK(asked.outcome.complete);
    CHECK(llm.last_path() == "/openai/deployments/ok/chat/completions?api-version=2024-06-01");
    CHECK(llm.last_header("api-key") == "sk-test-key-123");

    ask(settings_for(llm, Provider::OpenAi, "ok"), "");  // a local server without a key
    CHECK(llm.last_header("Authorization").empty());
}

TEST_CASE("Whole (non-streamed) answers are read too") {
    FakeLlm llm;
    for (const auto provider : k_both) {
        const auto asked = ask(settings_for(llm, provider, "whole"));
        CHECK(asked.outcome.complete);
        CHECK(asked.text == FakeLlm::answer());
    }
}

TEST_CASE("HTTP errors end with their status, 429 waits for Retry-After, 5xx and 529 are retried a bounded number of times") {
    FakeLlm llm;
    for (const auto provider : k_both) {
        for (const int status : {400, 401, 403, 404, 413}) {
            const auto scenario = "http-" + std::to_string(status);
            const auto asked = ask(settings_for(llm, provider, scenario));
            INFO(scenario);
            CHECK_FALSE(asked.outcome.complete);
            CHECK(asked.outcome.failure == "http_" + std::to_string(status));
            CHECK_FALSE(asked.outcome.detail.empty());
            CHECK(asked.text.empty());
        }
    }
    CHECK(llm.requests("http-401") == 2);  // once per provider: not retried
    auto settings = settings_for(llm, Provider::Anthropic, "http-529");
    settings.retries = 2;
    auto asked = ask(settings);
    CHECK(asked.outcome.failure == "http_529");
    CHECK(asked.outcome.detail == "overloaded_error: Overloaded");
    CHECK(llm.requests("http-529") == 3);
    CHECK(asked.took >= 2900ms);  // 1 s, then 2 s of backoff
    asked = ask(settings_for(llm, Provider::OpenAi, "http-500"));
    CHECK(asked.outcome.failure == "http_500");
    CHECK(llm.requests("http-500") == 3);

    asked = ask(settings_for(llm, Provider::OpenAi, "rate-limited-once"));
    CHECK(asked.outcome.complete);
    CHECK(asked.text == FakeLlm::answer());
    CHECK(llm.requests("rate-limited-once") == 2);
    CHECK(asked.took >= 950ms);  // Retry-After: 1
}

TEST_CASE("An error in the middle of a stream keeps what arrived and says so") {
    FakeLlm llm;
    for (const auto provider : k_both) {
        const auto asked = ask(settings_for(llm, provider, "error-midstream"));
        CHECK(asked.outcome.failure == "error");
        CHECK(!asked.text.empty());
        CHECK(FakeLlm::answer().rfind(asked.text, 0) == 0);  // the first piece, kept
    }
    const auto asked = ask(settings_for(llm, Provider::Anthropic, "error-midstream"));
    CHECK(asked.outcome.detail == "overloaded_error: Overloaded");
}

TEST_CASE("A slow drip completes, a stall, a disconnect, garbage and silence end calmly with a reason") {
    FakeLlm llm;
    llm.set_drip_ms(150);  // slower than nothing, faster than the 1 s stall limit
    for (const auto provider : k_both) {
        INFO(provider_name(provider));
        auto asked = ask(settings_for(llm, provider, "drip"));
        CHECK(asked.outcome.complete);
        CHECK(asked.text == FakeLlm::answer());

        asked = ask(settings_for(llm, provider, "stall"));
        CHECK(asked.outcome.failure == "stalled");
        CHECK(asked.pieces == 2);
        CHECK(FakeLlm::answer().rfind(asked.text, 0) == 0);
        CHECK(asked.took < 4s);

        asked = ask(settings_for(llm, provider, "disconnect"));
        CHECK(asked.outcome.failure == "disconnected");
        CHECK(asked.pieces == 2);
        CHECK(FakeLlm::answer().rfind(asked.text, 0) == 0);

        CHECK(ask(settings_for(llm, provider, "garbage")).outcome.failure == "garbage");
        CHECK(ask(settings_for(llm, provider, "garbage-data")).outcome.failure == "garbage");
        CHECK(ask(settings_for(llm, provider, "empty")).outcome.failure == "empty");

        asked = ask(settings_for(llm, provider, "silent"));
        CHECK(asked.outcome.failure == "timeout");
        CHECK(asked.took < 5s);
    }
}

TEST_CASE("An answer far longer than asked is cut off at the limit") {
    FakeLlm llm;
    const auto settings = settings_for(llm, Provider::OpenAi, "endless");
    const auto asked = ask(settings);
    CHECK(asked.outcome.failure == "too_long");
    CHECK(asked.text.size() <= AiClient(settings, "").max_answer_bytes());
    CHECK(asked.text.size() > AiClient(settings, "").max_answer_bytes() - 4);
}

TEST_CASE("No service at the address: refused at once") {
    int closed_port = 0;
    {
        FakeLlm gone;
        closed_port = gone.port();
    }
    Settings settings;
    settings.provider = Provider::OpenAi;
    settings.base_url = "http://127.0.0.1:" + std::to_string(closed_port) + "/v1";
    settings.model = "ok";
    const auto asked = ask(settings);
    CHECK(asked.outcome.failure == "refused");
    CHECK(asked.took < 2s);
}

TEST_CASE("Cancelling stops a request in flight within a second") {
    FakeLlm llm;
    std::atomic<bool> cancel{false};
    auto settings = settings_for(llm, Provider::OpenAi, "stall");
    settings.stall_seconds = 30;
    std::thread canceller([&] {
        std::this_thread::sleep_for(300ms);
        cancel = true;
    });
    const auto asked = ask(settings, "", &cancel);
    canceller.join();
    CHECK(asked.outcome.failure == "cancelled");
    CHECK(asked.took < 1500ms);
}

TEST_CASE("The key never appears in what the client reports") {
    FakeLlm llm;
    const auto asked = ask(settings_for(llm, Provider::OpenAi, "http-401"), "sk-secret-abcdef");
    CHECK(asked.outcome.detail.find("sk-secret") == std::string::npos);
}
