#pragma once
// How the server reads one request with Beast, in steps both the socket path (http_server.cpp)
// and the socket-free path (request_reader.cpp, for fuzzing) take: the same limits, the same
// refusals, the same HttpRequest. Internal to kiosk_net: Beast stays out of the public headers.
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include <optional>
#include <string>

#include "kiosk/net/http_message.hpp"
#include "kiosk/net/http_server.hpp"

namespace kiosk::net::detail {

using RequestParser = boost::beast::http::request_parser<boost::beast::http::string_body>;

// A fresh parser's limits: the header is read with the larger body limit (Beast checks
// Content-Length as soon as the header is in), each path then gets its own (after_header).
void prepare(RequestParser& parser, const ServerLimits& limits);

// After the header: the body limit for this path; a refusal (413) when the announced body is
// already too large.
std::optional<HttpResponse> after_header(RequestParser& parser, const ServerLimits& limits);

// What a failed read means: nullopt when the peer went away or took too long (the connection
// just closes), else the refusal to send.
std::optional<HttpResponse> refusal_for(const boost::beast::error_code& error);

// A refusal as the server writes it: JSON {"error": code}.
HttpResponse refusal(int status, const std::string& code);

// The parsed message as the phone API sees it.
HttpRequest to_request(RequestParser::value_type& message, const std::string& remote);

}  // namespace kiosk::net::detail
