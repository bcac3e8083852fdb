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
