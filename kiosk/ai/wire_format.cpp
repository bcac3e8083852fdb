#include "kiosk/ai/wire_format.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace kiosk::ai {

using Json = nlohmann::json;

namespace {

std::string trim_slash(std::string url) {
    while (!url.empty() && url.back() == '/') url.pop_back();
    return url;
}

// Anthropic requires max_tokens; about three tokens a word leaves room for Markdown.
int max_tokens_for(int max_words) { return std::max(1024, max_words * 3); }

std::string text_at(const Json& object, const char* key) {
    const auto found = object.find(key);
    return found != object.end() && found->is_string() ? found->get<std::string>() : std::string{};
}

std::string describe_error(const Json& error) {
    if (error.is_string()) return error.get<std::string>();
    if (!error.is_object()) return "error";
    auto type = text_at(error, "type");
    if (type.empty()) type = text_at(error, "code");
    const auto message = text_at(error, "message");
    if (type.empty()) return message.empty() ? "error" : message;
    return message.empty() ? type : type + ": " + message;
}

Piece openai_event(const std::string& data) {
    if (data == "[DONE]") return {"", true, ""};
    const Json json = Json::parse(data, nullptr, false);
    if (json.is_discarded() || !json.is_object()) return {"", false, "garbage"};
    if (const auto error = json.find("error"); error != json.end() && !error->is_null()) return {"", false, describe_error(*error)};
    Piece piece;
    const auto choices = json.find("choices");
    if (choices == json.end() || !choices->is_array() || choices->empty()) return piece;  // e.g. a usage-only chunk
    const auto& choice = (*choices)[0];
    if (!choice.is_object()) return {"", false, "garbage"};
    if (const auto delta = choice.find("delta"); delta != choice.end() && delta->is_object())
        piece.text = text_at(*delta, "content");
    return piece;
}

Piece anthropic_event(const std::string& event, const std::string& data) {
    const Json json = Json::parse(data, nullptr, false);
    if (json.is_discarded() || !json.is_object()) return {"", false, "garbage"};
    const auto type = json.contains("type") && json["type"].is_string() ? json["type"].get<std::string>() : event;
    if (type == "error" || event == "error")
        return {"", false, describe_error(json.contains("error") ? json["error"] : json)};
    if (type == "message_stop") return {"", true, ""};
    if (type == "content_block_delta") {
        const auto delta = json.find("delta");
        if (delta != json.end() && delta->is_object() && text_at(*delta, "type") == "text_delta")
            return {text_at(*delta, "text"), false, ""};
        return {};  // other deltas (thinking, tool input) carry no text for the room
    }
    if (type == "content_block_start") {
        const auto block = json.find("content_block");
        if (block != json.end() && block->is_object() && text_at(*block, "type") == "text")
            return {text_at(*block, "text"), false, ""};
    }
    // message_start, content_block_stop, message_delta, ping and unknown events: nothing to show.
    return {};
}

}  // namespace

HttpCall make_request(const Settings& settings, const std::string& key, const Prompt& prompt) {
    HttpCall call;
    call.headers.emplace_back("Content-Type", "application/json");
    call.headers.emplace_back("Accept", "text/event-stream");
    const auto root = trim_slash(settings.base_url);
    if (settings.provider == Provider::Anthropic) {
        call.url = root + "/messages";
        if (!key.empty()) call.headers.emplace_back("x-api-key", key);
        call.headers.emplace_back("anthropic-version", "2023-06-01");
        call.body = Json{{"model", settings.model},
                         {"max_tokens", max_tokens_for(settings.max_words)},
                         {"system", prompt.system},
                         {"messages", Json::array({{{"role", "user"}, {"content", prompt.user}}})},
                         {"stream", true}}
                        .dump();
        return call;
    }
    Json body{{"messages", Json::array({{{"role", "system"}, {"content", prompt.system}},
                                        {{"role", "user"}, {"content", prompt.user}}})},
              {"stream", true}};
    if (!settings.deployment.empty()) {
        // Azure OpenAI: the deployment names the model; the key goes in "api-key".
        call.url = root + "/openai/deployments/" + settings.deployment + "/chat/completions?api-version=" + settings.api_version;
        if (!key.empty()) call.headers.emplace_back("api-key", key);
    } else {
        call.url = root + "/chat/completions";
        body["model"] = settings.model;
        if (!key.empty()) call.headers.emplace_back("Authorization", "Bearer " + key);
    }
    call.body = body.dump();
    return call;
}

Piece decode_stream_event(Provider provider, const std::string& event, const std::string& data) {
    return provider == Provider::Anthropic ? anthropic_event(event, data) : openai_event(data);
}

Piece decode_whole_answer(Provider provider, const std::string& body) {
    const Json json = Json::parse(body, nullptr, false);
    if (json.is_discarded() || !json.is_object()) return {"", false, "garbage"};
    if (const auto error = json.find("error"); error != json.end() && !error->is_null()) return {"", false, describe_error(*error)};
    Piece piece{"", true, ""};
    if (provider == Provider::Anthropic) {
        const auto content = json.find("content");
        if (content == json.end() || !content->is_array()) return {"", false, "garbage"};
        for (const auto& block : *content)
            if (block.is_object() && text_at(block, "type") == "text") piece.text += text_at(block, "text");
        return piece;
    }
    const auto choices = json.find("choices");
    if (choices == json.end() || !choices->is_array() || choices->empty() || !(*choices)[0].is_object())
        return {"", false, "garbage"};
    const auto message = (*choices)[0].find("message");
    if (message == (*choices)[0].end() || !message->is_object()) return {"", false, "garbage"};
    piece.text = text_at(*message, "content");
    return piece;
}

std::string error_detail(const std::string& body) {
    const Json json = Json::parse(body, nullptr, false);
    if (json.is_discarded() || !json.is_object()) return "";
    if (const auto error = json.find("error"); error != json.end()) return describe_error(*error);
    return "";
}

}  // namespace kiosk::ai
