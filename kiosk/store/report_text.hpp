#pragma once
// Text from people and from a model made fit for a document that is only read: no link, image
// or markup from it may become live in an export. Addresses are found so the Markdown writer can
// show them as code (no viewer turns code into a link), and a model's Markdown keeps its
// headings, lists and emphasis while its links, images and raw HTML become plain text.
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::store {

// A stretch of text: an address some viewer would make clickable, or plain text.
struct TextRun {
    std::string_view text;
    bool address = false;
};

// Splits text into runs. Addresses are found the way GitHub Flavored Markdown's autolinks find
// them: "scheme://…", "www.…" and "name@domain.tld", up to a space or '<', with trailing
// punctuation left outside. The runs view `text`.
std::vector<TextRun> address_runs(std::string_view text);

// A model's Markdown (a proposal paragraph) as an HTML fragment / as CommonMark: "[tekst](url)"
// becomes "tekst (url)", an image its description and "(url)", autolinks and raw HTML plain text,
// and every address code, so neither a browser nor a Markdown viewer shows a live link or loads
// an image.
std::string ai_markdown_as_html(std::string_view markdown);
std::string ai_markdown_as_markdown(std::string_view markdown);

}  // namespace kiosk::store
