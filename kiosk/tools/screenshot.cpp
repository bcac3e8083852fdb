#include "kiosk/tools/screenshot.hpp"

#include "kiosk/ai/prompt_builder.hpp"
#include "kiosk/screen/key_map.hpp"
#include "kiosk/tools/demo_phones.hpp"
#include "kiosk/core/local_time.hpp"
#include "kiosk/core/week_line.hpp"
#include "kiosk/net/phone_state.hpp"
#include "kiosk/ui/png.hpp"
#include "scenes/scene_catalog.hpp"
#include "scenes/scene_harness.hpp"

#include <algorithm>

namespace kiosk::tools {

namespace {

// The AI stage with a sample answer: the prompt built from the sample notes, the answer from
// demo.<lang>.json, marks from the sample phones; "-failed" stops it halfway, "-prompt" shows
// the prompt. Only for screenshots (--demo): the live kiosk gets there with a real AI.
void sample_proposal(scenes::SceneHarness& harness, const Config& config, const std::string& variant) {
    harness.press(EventKind::Start);  // Enter: send now
    const int request = harness.view().proposal.request;
    const auto prompt = ai::build_prompt(config.prompt, ai::inputs_from(harness.view(), config.settings.room_name, 350),
                                         ai::new_marker());
    harness.apply({EventKind::AiPrompt, Sender::system(), AiPromptPayload{request, prompt.shown, "llama3.1:8b (demo)", prompt.removed}});
    auto text = load_demo_proposal(config);
    if (variant == "-failed") text = text.substr(0, text.size() / 2);
    harness.apply({EventKind::AiText, Sender::system(), AiTextPayload{request, text}});
    harness.apply({EventKind::AiEnd, Sender::system(), AiEndPayload{request, variant == "-failed" ? "stalled" : ""}});
    const auto paragraphs = split_paragraphs(harness.view().proposal.latest()->text);
    const char* marks[] = {"agree", "agree", "question", "agree", "risk"};
    for (std::size_t p = 0; p < paragraphs.size(); ++p) {
        if (paragraphs[p].heading) continue;
        for (int who = 0; who < static_cast<int>(harness.view().participants.size()); ++who) {
            if ((p + static_cast<std::size_t>(who)) % 3 == 0) continue;
            harness.apply({EventKind::MarkParagraph, Sender::participant(harness.view().participants[static_cast<std::size_t>(who)].key),
                           MarkPayload{harness.view().step_spec().id, static_cast<int>(p), marks[(p + static_cast<std::size_t>(who)) % 5]}});
        }
    }
    if (variant == "-prompt") harness.press(EventKind::TogglePrompt);
}

// The lobby's choices and the validation with sample phones: a situation, framing votes, an
// earlier decision to review; scores with a spread, an objection, votes, an owner.
void sample_decisions(scenes::SceneHarness& harness, int people) {
    const auto send = [&](int who, EventKind kind, Payload payload) {
        const auto& view = harness.view();
        if (who >= static_cast<int>(view.participants.size())) return;
        harness.apply({kind, Sender::participant(view.participants[static_cast<std::size_t>(who)].key), std::move(payload)});
    };
    // Each event publishes a new View: keep what is read after one, not a reference to the old.
    const auto content = harness.view().content;
    const bool dutch = content->language == "nl";
    if (harness.view().phase == Phase::Lobby) {
        send(0, EventKind::SetSituation,
             SituationPayload{dutch ? "De overdracht van 8:30 bij de balie" : "The 8:30 handover at the desk"});
        for (int who = 0; who < people; ++who) send(who, EventKind::FramingVote, FramingPayload{{who % 3 == 0 ? 0 : 3, 4 + who % 2}});
        // Dots on the offered formats: most on the second, so the lobby shows a choice being made.
        const auto offered = harness.view().videoframes.offered;
        for (int who = 0; who < people && offered.size() >= 2; ++who)
            send(who, EventKind::VideoframeVote, VideoframeVotePayload{offered[who % 3 == 0 ? 0 : 1]});
        return;
    }
    const auto stage = harness.view().step_spec().id;
    const int criteria = static_cast<int>(content->criteria.size());
    for (int who = 0; who < people; ++who) {
        std::vector<int> scores;
        for (int c = 0; c < criteria; ++c) scores.push_back(c == 3 ? 1 + (who * 2) % 5 : c == 1 ? 2 + who % 2 : 3 + (who + c) % 3);
        send(who, EventKind::Score, ScoresPayload{stage, scores});
    }
    send(1, EventKind::Object,
         ObjectionPayload{stage, dutch ? "De late dienst mist de overdracht dan helemaal."
                                                                : "The late shift would miss the handover entirely."});
}

// The coffee corner with its week's link; with --demo N, N sample answers (one waits for a
// moderator, so it is not shown) and two decisions of earlier sessions, one overdue for review.
void sample_coffee(scenes::SceneHarness& harness, const Config& config, int answers) {
    const auto local = to_local(harness.clock().wall());
    harness.apply({EventKind::CoffeeWeek, Sender::system(),
                   CoffeeWeekPayload{iso_yyyyww(local.date), "coffee-demo-token", {}}});
    if (answers <= 0) return;
    const auto texts = load_demo_samples(config).at("coffee_answers");
    for (int i = 0; i < answers; ++i) {
        const auto key = std::string(28, 'c') + std::to_string(1000 + i);
        harness.apply({EventKind::CoffeeAnswer, Sender::visitor(key),
                       CoffeeAnswerPayload{texts[static_cast<std::size_t>(i) % texts.size()], i == 1}});
    }
    const bool dutch = config.content->language == "nl";
    const auto day = [&](int offset) {
        return yyyymmdd(std::chrono::year_month_day{std::chrono::sys_days{local.date} + std::chrono::days{offset}});
    };
    harness.remember_decisions(
        {Decision{"demo-1", DecisionKind::Do, dutch ? "De overdracht van 8:30 bij de balie" : "The 8:30 handover at the desk",
                  dutch ? "Hoe kunnen we de overdracht zo doen dat geen klantvraag blijft liggen?"
                        : "How might we hand over so that no customer question is left behind?",
                  dutch ? "Teamcoördinator" : "Team coordinator",
                  dutch ? "Vijf vragen kiezen met de ochtenddienst" : "Pick five questions with the morning shift", day(-2), "running"},
         Decision{"demo-2", DecisionKind::Adjust, dutch ? "Terugbellen na een klacht" : "Calling back after a complaint", "",
                  "Sanne", dutch ? "Een belscript van vijf zinnen proberen" : "Try a five-sentence call script", day(9), ""}});
}

// The scene asked for, with what it takes to reach it.
struct SceneRequest {
    std::string scene;
    std::string variant;  // the AI stage's later looks: "-proposal", "-failed" or "-prompt"
    std::string base;     // the scene without its variant
    bool codes_closed = false;      // the lobby after too many wrong codes closed typing
    bool validation_scene = false;  // a part of the validation stage
    std::optional<scenes::CoffeePanel> coffee_panel;
    bool coffee = false;  // idle, night, or one of the coffee corner's panels
};

SceneRequest read_scene_request(const Config& config, const std::string& scene, int sample_notes) {
    SceneRequest request;
    request.scene = scene;
    const auto& steps = config.content->steps;
    for (const char* suffix : {"-proposal", "-failed", "-prompt"})
        if (scene.size() > std::string{suffix}.size() && scene.ends_with(suffix)) request.variant = suffix;
    request.base = scene.substr(0, scene.size() - request.variant.size());
    const bool ai_step = std::any_of(steps.begin(), steps.end(), [&](const StepSpec& step) {
        return step.id == request.base && step.contribution == Contribution::Constraints;
    });
    if (!request.variant.empty() && (!ai_step || sample_notes <= 0))
        throw UsageError{"--scene " + scene + ": the AI stage's " + request.variant.substr(1) +
                         " screen needs sample content: add --demo N (and use the AI stage's id)"};
    request.codes_closed = scene == "lobby-codes-closed";
    const auto names = scenes::scene_names(*config.content);
    if (std::find(names.begin(), names.end(), scene) == names.end() && request.variant.empty() && !request.codes_closed)
        throw UsageError{"--scene " + scene + ": no such scene; --list-scenes lists the names"};
    request.validation_scene = std::any_of(steps.begin(), steps.end(), [&](const StepSpec& step) {
        return step.contribution == Contribution::Scores && scene.rfind(step.id, 0) == 0;
    });
    request.coffee_panel = scenes::coffee_panel_named(scene);
    request.coffee = scene == "idle" || scene == "coffee-night" || request.coffee_panel;
    return request;
}

// Lobby and validation: phones join, choose, score; then on to the part asked for (an owner
// volunteers when the owner part comes).
void walk_to_decisions(scenes::SceneHarness& harness, const Config& config, const std::string& scene, int sample_notes) {
    const auto base_id = scene.substr(0, scene.find('-'));
    harness.go_to(scene == "lobby" ? "lobby" : base_id);
    harness.join_phones(sample_notes);
    sample_decisions(harness, sample_notes);
    while (scenes::scene_name(harness.view()) != scene) {
        harness.press(EventKind::Next);
        if (scenes::scene_name(harness.view()) == base_id + "-owner" && harness.view().validation.owner == 0) {
            const auto owner = Sender::participant(harness.view().participants.front().key);
            const bool dutch = config.content->language == "nl";
            harness.apply({EventKind::Volunteer, owner, VolunteerPayload{base_id, dutch ? "Teamcoördinator" : "Team coordinator"}});
            harness.apply({EventKind::Commit, owner,
                           CommitPayload{base_id, dutch ? "Vijf vragen kiezen met de ochtenddienst" : "Pick five questions with the morning shift",
                                         20261207}});
        }
    }
}

// A stage with notes: they are written first, votes placed while voting, then on to the scene.
void walk_to_stage(scenes::SceneHarness& harness, const Config& config, const std::string& scene, int sample_notes) {
    const auto dash = scene.find("-vote") != std::string::npos ? scene.find("-vote") : scene.find("-results");
    harness.go_to(scene.substr(0, dash));
    if (harness.view().in_step()) {
        const auto samples = load_demo_samples(config);
        const auto kind = samples.find(net::contribution_name(harness.view().step_spec().contribution));
        if (kind != samples.end()) harness.add_notes(sample_notes, kind->second, std::max(4, sample_notes / 2));
    }
    while (scenes::scene_name(harness.view()) != scene) {
        if (harness.view().part() == Part::Vote && harness.view().voters(harness.view().step) == 0) harness.add_votes();
        if (harness.settle_tie() == 0) harness.press(EventKind::Next);  // the sample votes may tie
    }
    harness.wait(std::chrono::seconds{1});  // past the fade-in
}

void walk_to(scenes::SceneHarness& harness, const Config& config, const SceneRequest& request, int sample_notes) {
    if (request.coffee) {
        sample_coffee(harness, config, sample_notes);
    } else if (request.codes_closed) {
        harness.go_to("lobby");
        harness.join_phones(sample_notes);
        harness.apply({EventKind::CloseCodes, Sender::system(), NoPayload{}});
    } else if (sample_notes > 0 && (request.scene == "lobby" || request.validation_scene)) {
        walk_to_decisions(harness, config, request.scene, sample_notes);
    } else if (!request.variant.empty()) {
        harness.go_to(request.base);
        const auto samples = load_demo_samples(config);
        harness.add_notes(sample_notes, samples.at("constraints"), std::max(4, sample_notes / 2));
        sample_proposal(harness, config, request.variant);
    } else if (sample_notes > 0) {
        walk_to_stage(harness, config, request.scene, sample_notes);
    } else {
        harness.go_to(request.scene);
    }
}

}  // namespace

namespace {

void save_frame(const scenes::SceneHarness& harness, const Config& config, const ui::FontFiles& fonts, ui::ScreenSize size,
                const std::filesystem::path& file) {
    auto surface = ui::make_rgb_surface(size.width, size.height);
    ui::Canvas canvas{surface.get(), fonts};
    auto frame = harness.frame(to_local(harness.clock().wall()));
    frame.week_line = kiosk::week_line(config.strings, config.settings.trajectory, config.settings.slots.size(), frame.local,
                                       harness.view().session_open() ? 1 : 0, harness.view().session_open());
    scenes::draw_frame(canvas, frame);
    ui::save_png(surface.get(), file);
}

}  // namespace

std::vector<std::filesystem::path> write_videoframe_screenshots(const Config& config, const scenes::Room& room,
                                                                const ui::FontFiles& fonts, const std::string& id,
                                                                ui::ScreenSize size, const std::filesystem::path& dir) {
    const auto format = config.library->find(id);
    if (!format) throw UsageError{"--videoframe " + id + ": no such format; --list-videoframes lists them"};
    std::filesystem::create_directories(dir);
    std::vector<std::filesystem::path> written;
    const auto harness_for = [&] {
        return scenes::SceneHarness{Library::of(format), config.settings.timers, config.strings, room, SystemClock{}.wall()};
    };
    const auto names = scenes::scene_names(*format);
    for (auto name = std::find(names.begin(), names.end(), "lobby"); name != names.end(); ++name) {
        auto harness = harness_for();
        harness.go_to(*name);
        written.push_back(dir / (id + "-" + *name + ".png"));
        save_frame(harness, config, fonts, size, written.back());
    }
    for (const auto& pool : format->surprises)
        for (std::size_t card = 0; card < pool.cards.size(); ++card) {
            auto harness = harness_for();
            const auto& stage = format->steps.at(static_cast<std::size_t>(pool.step)).id;
            harness.recall({SurpriseFact{pool.step, 0, static_cast<int>(card), ""}});  // this card, not a drawn one
            harness.go_to(stage);
            harness.wait(pool.after);
            written.push_back(dir / (id + "-" + stage + "-card" + std::to_string(card + 1) + ".png"));
            save_frame(harness, config, fonts, size, written.back());
        }
    return written;
}

void draw_screenshot(const Config& config, const scenes::Room& room, ui::Canvas& canvas, const std::string& scene,
                     bool help_overlay, int sample_notes, WallTime at) {
    const auto request = read_scene_request(config, scene, sample_notes);
    scenes::SceneHarness harness{config.library, config.settings.timers, config.strings, room, at};
    walk_to(harness, config, request, sample_notes);
    const auto rows = screen::help_rows(config);
    auto frame = harness.frame(to_local(harness.clock().wall()), help_overlay, &rows);
    frame.week_line = kiosk::week_line(config.strings, config.settings.trajectory, config.settings.slots.size(), frame.local, harness.view().session_open() ? 1 : 0, harness.view().session_open());
    frame.coffee_panel = request.coffee_panel;
    frame.night = scene == "coffee-night";
    scenes::draw_frame(canvas, frame);
}

void write_screenshot(const Config& config, const scenes::Room& room, const ui::FontFiles& fonts,
                      const std::string& scene, ui::ScreenSize size, bool help_overlay, int sample_notes,
                      const std::filesystem::path& file) {
    auto surface = ui::make_rgb_surface(size.width, size.height);
    ui::Canvas canvas{surface.get(), fonts};
    draw_screenshot(config, room, canvas, scene, help_overlay, sample_notes, SystemClock{}.wall());
    ui::save_png(surface.get(), file);
}

}  // namespace kiosk::tools
