#pragma once
// What the soak's phones say: the sample texts of config/demo.<lang>.json (notes per
// contribution kind, an AI answer in Markdown), varied in length with a few Dutch sentences, and
// the lobby's situations, first names and the group's changes to a proposal.
#include <cstddef>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "kiosk/config/config_loader.hpp"

namespace kiosk::bench {

struct SoakTexts {
    // "answer", "facts", "statements", "ideas", "constraints" -> sample notes
    std::map<std::string, std::vector<std::string>> samples;
    std::string proposal;  // pasted as the AI stage's answer (the manual route)

    // The samples of one kind (a few plain sentences when the file has none).
    const std::vector<std::string>& of(const std::string& kind) const;
};

// Throws std::runtime_error naming the demo file and the field that is missing.
SoakTexts load_soak_texts(const Config& config);

// A sample, sometimes cut short at its first comma, sometimes with a sentence or two more:
// from a few words to a few lines, never over `max_chars` code points.
std::string compose(std::mt19937& rng, const std::vector<std::string>& samples, std::size_t max_chars);

const std::string& first_name(int phone);
const std::string& situation(int session);  // the lobby's work situation
const std::string& proposal_change(int n);  // "aanpassen": what the group changes

}  // namespace kiosk::bench
