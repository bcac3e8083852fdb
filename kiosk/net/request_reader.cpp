#include "kiosk/net/request_reader.hpp"

#include <boost/asio/buffer.hpp>
#include <boost/beast/http/read.hpp>

#include <algorithm>

#include "kiosk/net/beast_request.hpp"

namespace kiosk::net {

namespace detail {

namespace http = boost::beast::http;

void prepare(RequestParser& parser, const ServerLimits& limits) {
    parser.body_limit(std::max(limits.max_body, limits.max_large_body));
    parser.header_limit(static_cast<std::uint32_t>(limits.max_header));
}

std::optional<HttpResponse> after_header(RequestParser& parser, const ServerLimits& limits) {
    const auto target = parser.get().target();
    if (target.substr(0, target.find('?')) == limits.large_body_path) return std::nullopt;
    const auto length = parser.content_length();
    if (length && *length > limits.max_body) return refusal(413, "body_too_large");
    parser.body_limit(limits.max_body);  // also bounds a chunked body
    return std::nullopt;
}

std::optional<HttpResponse> refusal_for(const boost::beast::error_code& error) {
    namespace asio = boost::asio;
    if (error == http::error::body_limit) return refusal(413, "body_too_large");
    if (error == http::error::header_limit) return refusal(431, "bad_request");
    if (error == http::error::end_of_stream || error == boost::beast::error::timeout || error == asio::error::eof ||
        error == asio::error::connection_reset || error == asio::error::operation_aborted ||
        error == asio::error::bad_descriptor)
        return std::nullopt;
    return refusal(400, "bad_request");
}

HttpResponse refusal(int status, const std::string& code) {
    return {status, "application/json", R"({"error":")" + code + R"("})", {}};
}

HttpRequest to_request(RequestParser::value_type& message, const std::string& remote) {
    HttpRequest request;
    request.method = std::string{message.method_string()};
    const std::string target{message.target()};
    const auto question = target.find('?');
    request.path = target.substr(0, question);
    if (question != std::string::npos) request.query = parse_query(target.substr(question + 1));
    request.content_type = std::string{message[http::field::content_type]};
    // Absent and empty are the same to the Host check: neither names this kiosk.
    request.host = std::string{message[http::field::host]};
    request.body = std::move(message.body());
    request.remote = remote;
    return request;
}

}  // namespace detail

std::variant<HttpRequest, HttpResponse> read_request(std::string_view bytes, const ServerLimits& limits,
                                                     const std::string& remote) {
    detail::RequestParser parser;
    detail::prepare(parser, limits);
    parser.eager(false);  // stop after the header, as the server does
    boost::beast::error_code error;
    std::size_t used = 0;
    // Feeds what is left until the parser reaches `done` (the header, then the whole message).
    const auto feed = [&](auto done) {
        while (!error && !done()) {
            const auto taken = parser.put(boost::asio::buffer(bytes.data() + used, bytes.size() - used), error);
            used += taken;
            // Every byte there is was offered: "need more" means the request is incomplete
            // (checking only `used` looped for ever on a header Beast wants whole; fuzz_http).
            if (error == boost::beast::http::error::need_more) {
                error = boost::beast::http::error::partial_message;
            } else if (taken == 0 && !error && !done()) {
                error = boost::beast::http::error::partial_message;
            }
        }
    };
    feed([&] { return parser.is_header_done(); });
    if (!error) {
        if (auto refused = detail::after_header(parser, limits)) return *refused;
        parser.eager(true);
        feed([&] { return parser.is_done(); });
    }
    if (error) {
        if (auto refused = detail::refusal_for(error)) return *refused;
        return detail::refusal(400, "bad_request");
    }
    return detail::to_request(parser.get(), remote);
}

}  // namespace kiosk::net
