// libFuzzer target: the server-sent-events parser and both providers' wire formats. The input
// is a response body: fed to one parser whole and to another in pieces (as the network may
// deliver it), every event through the OpenAI-compatible and the Anthropic stream decoders, and
// the whole body through both whole-answer decoders and the error-body reader.
//
// Input: the body. Its pieces are cut where the input says: a piece starting with byte b is
// 1 + b % 16 bytes long, so CRLF pairs and UTF-8 sequences are split now and then.
//
// Nothing is thrown by design: every exception is a finding, and so is a broken promise: the
// same events (and the same overflow) however the body is cut, answer text that is valid UTF-8
// (the engine refuses anything else from the AI worker), a piece that is both done and failed.
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kiosk/ai/sse_parser.hpp"
#include "kiosk/ai/wire_format.hpp"
#include "kiosk/core/text_rules.hpp"
#include "tests/fuzz/fuzz_check.hpp"

using namespace kiosk;

namespace {

using Events = std::vector<std::pair<std::string, std::string>>;  // name, data

void check_piece(const ai::Piece& piece) {
    fuzz::require(!(piece.done && !piece.error.empty()), "a piece ends an answer or fails it, not both");
    fuzz::require(check_raw_text(piece.text, std::numeric_limits<std::size_t>::max()) != TextProblem::InvalidUtf8,
                  "answer text is valid UTF-8");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto body = fuzz::as_text(data, size);

    Events whole_events, piece_events;
    const auto into = [](Events& events) {
        return [&events](const std::string& name, const std::string& text) { events.emplace_back(name, text); };
    };
    ai::SseParser whole{into(whole_events)};
    ai::SseParser pieces{into(piece_events)};
    whole.feed(body);
    for (std::size_t at = 0; at < body.size();) {
        const auto piece = body.substr(at, 1 + static_cast<unsigned char>(body[at]) % 16u);
        pieces.feed(piece);
        at += piece.size();
    }
    fuzz::require(whole_events == piece_events, "the same events however the stream is cut");
    fuzz::require(whole.overflowed() == pieces.overflowed(), "the same overflow however the stream is cut");
    fuzz::require(whole.saw_fields() == pieces.saw_fields(), "the same fields seen however the stream is cut");

    for (const auto& [name, text] : whole_events) {
        check_piece(ai::decode_stream_event(ai::Provider::OpenAi, name, text));
        check_piece(ai::decode_stream_event(ai::Provider::Anthropic, name, text));
    }
    const std::string whole_body{body};
    check_piece(ai::decode_whole_answer(ai::Provider::OpenAi, whole_body));
    check_piece(ai::decode_whole_answer(ai::Provider::Anthropic, whole_body));
    (void)ai::error_detail(whole_body);
    return 0;
}
