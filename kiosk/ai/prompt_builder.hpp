#pragma once
// Turns the group's work into the prompt for the improvement proposal. Participants' text is
// untrusted: personal details are taken out, and it goes into the request only inside data
// blocks whose marker is random for every request, so nothing typed on a phone can close a
// block or pass for an instruction. The instructions themselves never contain their text.
#include <string>
#include <vector>

#include "kiosk/ai/prompt_template.hpp"
#include "kiosk/core/view.hpp"

namespace kiosk::ai {

// What goes into the prompt, taken from a session.
struct PromptInputs {
    std::string room;
    std::string language;  // "nl" or "en"
    int max_words = 350;
    std::vector<std::string> framing;      // chosen framing questions (the room's own text)
    // The session's format (the room's own text, like the framing questions): its title, what the
    // hour works towards, and what the AI makes of the group's input in it.
    std::string videoframe, videoframe_goal, ai_brief;
    std::string situation;                 // the work situation named in the lobby (participants' text)
    std::vector<std::string> facts;        // participants' text from here on
    std::vector<std::pair<std::string, int>> statements;  // the winning statement(s), with dots
    std::vector<std::pair<std::string, int>> ideas;       // the top ideas, with dots
    std::vector<std::string> constraints;
    std::vector<std::string> names;        // participants' first names, to be removed
};

PromptInputs inputs_from(const View& view, const std::string& room, int max_words);

struct Prompt {
    std::string system;  // the instructions
    std::string user;    // the request with the data blocks
    std::string shown;   // both, as the room and the phones see them
    std::string marker;  // this request's data-block marker
    int removed = 0;     // personal details taken out
};

// `marker` must be unguessable (random per request), e.g. "DATA-" + 16 hex digits.
Prompt build_prompt(const PromptTemplate& tmpl, const PromptInputs& inputs, const std::string& marker);

// A fresh marker from the kernel's randomness.
std::string new_marker();

}  // namespace kiosk::ai
