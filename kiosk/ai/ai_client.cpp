#include "kiosk/ai/ai_client.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cstdlib>
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "kiosk/ai/sse_parser.hpp"
#include "kiosk/ai/wire_format.hpp"
#include "kiosk/core/text_rules.hpp"

namespace kiosk::ai {

namespace {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

constexpr std::size_t k_max_error_body = 64 * 1024;

void global_init() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

bool retryable(long status) { return status == 429 || status == 500 || status == 502 || status == 503 || status == 504 || status == 529; }


// One HTTP attempt and everything the callbacks learn during it.
struct Attempt {
    Attempt(const Settings& s, const std::function<void(const std::string&)>& text, const std::atomic<bool>& stop_flag,
            std::size_t max)
        : settings{s}, on_text{text}, cancel{stop_flag}, max_bytes{max} {}
    Attempt(const Attempt&) = delete;  // the SSE parser's callback holds `this`
    Attempt& operator=(const Attempt&) = delete;

    const Settings& settings;
    const std::function<void(const std::string&)>& on_text;
    const std::atomic<bool>& cancel;
    std::size_t max_bytes;
    Clock::time_point started = Clock::now();  // the first attempt: the total limit covers retries
    Clock::time_point this_attempt = Clock::now();
    Clock::time_point last_data = this_attempt;
    bool got_data = false;
    long status = 0;
    std::string content_type;
    long retry_after = -1;  // seconds
    std::string error_body;  // a non-200 reply's body
    std::string whole;       // a JSON (non-streamed) answer
    std::size_t delivered = 0;
    bool done = false;
    std::string failure, detail;  // set by a callback that stopped the transfer
    SseParser sse{[this](const std::string& event, const std::string& data) { on_event(event, data); }};

    void stop(std::string why, std::string more = {}) {
        if (failure.empty()) {
            failure = std::move(why);
            detail = std::move(more);
        }
    }

    void deliver(const std::string& text) {
        if (text.empty() || done || !failure.empty()) return;
        if (delivered + text.size() > max_bytes) {
            // Cut at a character boundary: the screen must never get half a UTF-8 sequence.
            auto keep = max_bytes - delivered;
            while (keep > 0 && (static_cast<unsigned char>(text[keep]) & 0xC0) == 0x80) --keep;
            on_text(text.substr(0, keep));
            delivered += keep;
            stop("too_long");
            return;
        }
        delivered += text.size();
        on_text(text);
    }

    void on_event(const std::string& event, const std::string& data) {
        if (done || !failure.empty()) return;
        auto piece = decode_stream_event(settings.provider, event, data);
        if (!piece.error.empty()) return stop(piece.error == "garbage" ? "garbage" : "error", piece.error);
        deliver(piece.text);
        if (piece.done) done = true;
    }

    bool streaming() const { return ascii_lower(content_type).find("json") == std::string::npos; }

    // Returns false to stop the transfer.
    bool body(const char* data, std::size_t size) {
        got_data = true;
        last_data = Clock::now();
        if (status != 200) {
            if (error_body.size() < k_max_error_body) error_body.append(data, std::min(size, k_max_error_body - error_body.size()));
            return true;
        }
        if (!streaming()) {
            if (whole.size() + size > max_bytes * 4 + k_max_error_body) {
                stop("too_long");
                return false;
            }
            whole.append(data, size);
            return true;
        }
        sse.feed({data, size});
        if (sse.overflowed()) stop("garbage", "an event or line longer than 1 MB");
        return failure.empty() && !done;
    }

    // Called by curl several times a second: the time limits and cancellation.
    bool keep_going() {
        const auto now = Clock::now();
        if (cancel.load()) stop("cancelled");
        else if (now - started > std::chrono::seconds{settings.timeout_seconds}) stop("timeout");
        else if (!got_data && now - this_attempt > std::chrono::seconds{settings.first_byte_seconds}) stop("timeout");
        else if (got_data && now - last_data > std::chrono::seconds{settings.stall_seconds}) stop("stalled");
        return failure.empty();
    }
};

size_t on_body(char* data, size_t size, size_t count, void* user) {
    auto* attempt = static_cast<Attempt*>(user);
    return attempt->body(data, size * count) ? size * count : 0;
}

size_t on_header(char* data, size_t size, size_t count, void* user) {
    auto* attempt = static_cast<Attempt*>(user);
    const std::string line{data, size * count};
    if (line.rfind("HTTP/", 0) == 0) {  // a new response (after a 100 Continue, say)
        attempt->content_type.clear();
        attempt->retry_after = -1;
        const auto space = line.find(' ');
        attempt->status = space == std::string::npos ? 0 : std::atol(line.c_str() + space + 1);
    }
    const auto colon = line.find(':');
    if (colon != std::string::npos) {
        const auto name = ascii_lower(line.substr(0, colon));
        auto value = line.substr(colon + 1);
        value.erase(0, value.find_first_not_of(" \t"));
        value.erase(value.find_last_not_of(" \t\r\n") + 1);
        if (name == "content-type") attempt->content_type = value;
        if (name == "retry-after") {
            try {
                attempt->retry_after = std::stol(value);
            } catch (const std::exception&) {
                attempt->retry_after = -1;  // an HTTP date: use our own backoff
            }
        }
    }
    return size * count;
}

int on_progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    return static_cast<Attempt*>(user)->keep_going() ? 0 : 1;
}

std::string without_key(std::string text, const std::string& key) {
    if (key.size() >= 4)
        for (auto at = text.find(key); at != std::string::npos; at = text.find(key)) text.replace(at, key.size(), "***");
    if (text.size() > 200) text = text.substr(0, 200) + "…";
    return text;
}

// Waits `time`, waking early when cancelled.
bool wait_unless_cancelled(std::chrono::milliseconds time, const std::atomic<bool>& cancel) {
    const auto until = Clock::now() + time;
    while (Clock::now() < until) {
        if (cancel.load()) return false;
        std::this_thread::sleep_for(std::min<Clock::duration>(50ms, until - Clock::now()));
    }
    return !cancel.load();
}

// One request as curl sends it: the call's URL, headers and body, the attempt's callbacks, and
// no signals, redirects or protocols other than HTTP(S). Says what curl said; the HTTP status
// is in the attempt.
std::optional<CURLcode> perform(const HttpCall& call, const Settings& settings, Attempt& attempt) {
    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl{curl_easy_init(), curl_easy_cleanup};
    if (!curl) return std::nullopt;
    curl_slist* headers = nullptr;
    for (const auto& [name, value] : call.headers) headers = curl_slist_append(headers, (name + ": " + value).c_str());
    std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> header_list{headers, curl_slist_free_all};
    CURL* h = curl.get();
    curl_easy_setopt(h, CURLOPT_URL, call.url.c_str());
    curl_easy_setopt(h, CURLOPT_POST, 1L);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, call.body.c_str());
    curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(call.body.size()));
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &attempt);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, &attempt);
    curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, on_progress);
    curl_easy_setopt(h, CURLOPT_XFERINFODATA, &attempt);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(settings.connect_seconds) * 1000L);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);  // a worker thread must not get SIGALRM
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");  // whatever curl can decode
    const CURLcode code = curl_easy_perform(h);
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &attempt.status);
    return code;
}

// A connection that failed before an answer: what the room is told.
std::string transport_failure(CURLcode code, bool got_data) {
    switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY: return "dns";
    case CURLE_COULDNT_CONNECT: return "refused";
    case CURLE_OPERATION_TIMEDOUT: return "timeout";
    default: return got_data ? "disconnected" : "refused";
    }
}

// A 200 answer: the whole body decoded when it was not streamed, then whether it ended
// properly and said anything.
void finish_answer(Attempt& attempt, CURLcode code, const Settings& settings, const std::string& key, AskOutcome& outcome) {
    if (!attempt.streaming()) {
        const auto piece = decode_whole_answer(settings.provider, attempt.whole);
        if (!piece.error.empty()) {
            outcome.failure = piece.error == "garbage" ? "garbage" : "error";
            outcome.detail = without_key(piece.error, key);
            return;
        }
        attempt.deliver(piece.text);
        if (!attempt.failure.empty()) {
            outcome.failure = attempt.failure;
            return;
        }
        attempt.done = true;
    }
    if (!attempt.done) {
        // The connection ended without the end-of-answer event.
        outcome.failure = attempt.sse.saw_fields() || attempt.delivered > 0 ? "disconnected" : "garbage";
        if (code != CURLE_OK) outcome.detail = curl_easy_strerror(code);
        return;
    }
    if (attempt.delivered == 0) {
        outcome.failure = "empty";
        return;
    }
    outcome.complete = true;
}

}  // namespace

AiClient::AiClient(Settings settings, std::string key) : m_settings{std::move(settings)}, m_key{std::move(key)} {
    global_init();
}

std::size_t AiClient::max_answer_bytes() const { return static_cast<std::size_t>(std::max(50, m_settings.max_words)) * 12; }

AskOutcome AiClient::ask(const Prompt& prompt, const std::function<void(const std::string&)>& on_text,
                         const std::atomic<bool>& cancel) const {
    const auto call = make_request(m_settings, m_key, prompt);
    const auto started = Clock::now();
    AskOutcome outcome;
    for (int attempt_number = 0;; ++attempt_number) {
        outcome.attempts = attempt_number + 1;
        Attempt attempt{m_settings, on_text, cancel, max_answer_bytes()};
        attempt.started = started;  // the total limit covers retries too
        attempt.last_data = Clock::now();
        const auto performed = perform(call, m_settings, attempt);
        if (!performed) return {false, "error", "curl_easy_init failed", outcome.attempts};
        const CURLcode code = *performed;
        if (!attempt.failure.empty()) {
            outcome.failure = attempt.failure;
            outcome.detail = without_key(attempt.detail, m_key);
            return outcome;
        }
        if (code != CURLE_OK && attempt.status != 200) {
            outcome.failure = transport_failure(code, attempt.got_data);
            outcome.detail = curl_easy_strerror(code);
            return outcome;
        }
        if (attempt.status != 200) {
            outcome.failure = "http_" + std::to_string(attempt.status);
            outcome.detail = without_key(error_detail(attempt.error_body), m_key);
            const bool time_left = Clock::now() - started < std::chrono::seconds{m_settings.timeout_seconds};
            if (retryable(attempt.status) && attempt_number < m_settings.retries && time_left) {
                // Retry-After when the service gives one (bounded), else 1 s, 2 s, 4 s ...
                const auto wait = attempt.retry_after >= 0 ? std::chrono::milliseconds{std::min(attempt.retry_after, 60L) * 1000}
                                                           : std::chrono::milliseconds{1000L << attempt_number};
                if (!wait_unless_cancelled(wait, cancel)) return {false, "cancelled", "", outcome.attempts};
                continue;
            }
            return outcome;
        }
        finish_answer(attempt, code, m_settings, m_key, outcome);
        return outcome;
    }
}

}  // namespace kiosk::ai
