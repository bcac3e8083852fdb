#pragma once
// A small videoframe in code, so engine tests do not depend on the files in config/.
#include <memory>

#include "kiosk/core/content.hpp"

namespace kiosk::testing {

inline std::shared_ptr<const Content> five_stage_content() {
    auto content = std::make_shared<Content>();
    content->language = "nl";
    content->title = "Test";
    const auto step = [](std::string id, int minutes) {
        StepSpec spec;
        spec.id = id;
        spec.title = "Titel " + id;
        spec.goal = "Doel " + id;
        spec.questions = {"Vraag 1", "Vraag 2"};
        spec.phone_task = "Taak";
        spec.duration = std::chrono::minutes{minutes};
        return spec;
    };
    content->steps = {step("checkin", 3), step("analyse", 12), step("probleemstelling", 8),
                      step("brainstorm", 15), step("ai-voorstel", 10), step("validatie", 12)};
    content->reflection_questions = {"Wat verraste je?"};
    content->framing_questions = {"Wat is de situatie?"};
    content->criteria = {{"Haalbaarheid", "Kan het?"}};
    return content;
}

}  // namespace kiosk::testing

namespace kiosk::testing {

// The same videoframe with what phones contribute in each step, as in config/.
inline std::shared_ptr<const Content> phone_content() {
    auto content = std::make_shared<Content>(*five_stage_content());
    auto& steps = content->steps;
    steps[0].contribution = Contribution::Answer;
    steps[0].max_per_person = 1;
    steps[1].contribution = Contribution::Facts;
    steps[1].max_per_person = 3;
    steps[2].contribution = Contribution::Statements;
    steps[2].max_per_person = 1;
    steps[2].dots = 3;
    steps[3].contribution = Contribution::Ideas;
    steps[3].dots = 3;
    steps[3].winners = 3;
    steps[4].contribution = Contribution::Constraints;
    steps[5].contribution = Contribution::Scores;
    return content;
}

}  // namespace kiosk::testing
