#include "kiosk/net/http_client.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace kiosk::net {

namespace beast = boost::beast;
namespace http = beast::http;
using tcp = boost::asio::ip::tcp;

ClientReply post_json(int port, const std::string& path, const std::string& body) {
    try {
        boost::asio::io_context io;
        beast::tcp_stream stream{io};
        stream.expires_after(std::chrono::seconds{10});
        stream.connect(tcp::endpoint{boost::asio::ip::make_address("127.0.0.1"), static_cast<unsigned short>(port)});
        http::request<http::string_body> request{http::verb::post, path, 11};
        request.set(http::field::host, "127.0.0.1:" + std::to_string(port));
        request.set(http::field::content_type, "application/json");
        request.body() = body;
        request.prepare_payload();
        http::write(stream, request);
        beast::flat_buffer buffer;
        http::response<http::string_body> response;
        http::read(stream, buffer, response);
        beast::error_code ignored;
        stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
        return {static_cast<int>(response.result_int()), std::move(response.body())};
    } catch (const std::exception&) {
        return {};
    }
}

}  // namespace kiosk::net
