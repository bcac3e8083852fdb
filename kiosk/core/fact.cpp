#include "kiosk/core/fact.hpp"

namespace kiosk {

namespace {
template <class... Ts> struct Overloaded : Ts... { using Ts::operator()...; };
template <class... Ts> Overloaded(Ts...) -> Overloaded<Ts...>;
}  // namespace

std::string_view fact_name(const Fact& fact) {
    return std::visit(Overloaded{[](const ChosenFact&) { return std::string_view{"chosen"}; },
                                 [](const RunOffFact&) { return std::string_view{"runoff"}; },
                                 [](const DecidedFact&) { return std::string_view{"decided"}; },
                                 [](const ReviewedFact&) { return std::string_view{"reviewed"}; },
                                 [](const QuestionFact&) { return std::string_view{"question"}; },
                                 [](const VideoframeFact&) { return std::string_view{"videoframe"}; },
                                 [](const SurpriseFact&) { return std::string_view{"surprise"}; }},
                      fact);
}

std::optional<int> step_of(const Fact& fact) {
    if (const auto* chosen = std::get_if<ChosenFact>(&fact)) return chosen->step;
    if (const auto* runoff = std::get_if<RunOffFact>(&fact)) return runoff->step;
    return std::nullopt;
}

std::vector<Fact> drawn_facts(const std::vector<Fact>& facts) {
    std::vector<Fact> drawn;
    for (const auto& fact : facts)
        if (std::holds_alternative<VideoframeFact>(fact) || std::holds_alternative<SurpriseFact>(fact)) drawn.push_back(fact);
    return drawn;
}

RecalledFacts recalled(const std::vector<Fact>& facts) {
    RecalledFacts result;
    for (const auto& fact : facts)
        std::visit(Overloaded{[&](const ChosenFact& f) { result.chosen[f.step] = f; },
                              [](const RunOffFact&) {},  // what it settled comes as a ChosenFact
                              [&](const DecidedFact& f) { result.decided = f; },
                              [&](const ReviewedFact& f) { result.reviewed[f.decision] = f.review; },
                              [&](const QuestionFact& f) { result.question = f; },
                              [&](const VideoframeFact& f) { result.videoframe = f; },
                              [&](const SurpriseFact& f) { result.surprises[{f.step, f.draw}] = f.card; }},
                   fact);
    return result;
}

}  // namespace kiosk
