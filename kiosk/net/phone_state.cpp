#include "kiosk/net/phone_state.hpp"

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include <map>

namespace kiosk::net {

using Json = nlohmann::json;

namespace {

std::string part_name(Part part) {
    switch (part) {
    case Part::Write: return "write";
    case Part::Vote: return "vote";
    case Part::Results: return "results";
    }
    return "write";
}

std::string phase_name(Phase phase) {
    switch (phase) {
    case Phase::Idle: return "ended";
    case Phase::Lobby: return "lobby";
    case Phase::Step: return "step";
    case Phase::WrapUp: return "wrapup";
    }
    return "ended";
}

Json note_json(const Note& note) { return {{"id", note.id}, {"text", note.text}}; }

Json stage_json(const View& view, const PhoneContext& context) {
    const auto& spec = view.step_spec();
    Json stage{{"id", spec.id},
               {"number", view.stage_number()},
               {"count", view.stage_count()},
               {"title", spec.title},
               {"goal", spec.goal},
               {"task", spec.phone_task},
               {"questions", spec.questions},
               {"contribute", contribution_name(spec.contribution)},
               {"max", spec.max_per_person},
               {"dots", spec.has_vote() ? spec.dots : 0},
               {"winners", spec.winners},
               {"part", part_name(view.part())}};
    if (view.step == 0) stage["questions"] = Json::array({context.week_question});
    // The surprise card the screen shows now, for whoever sits far from it.
    if (const auto* card = view.surprise_card())
        stage["surprise"] = {{"kind", name_of(card->kind, card_kind_names())}, {"text", card->text}, {"by", card->by}};
    // A clip or sound that plays now: that it plays, what it shows (its alt) and its caption.
    for (const int item : view.media_on_screen()) {
        const auto& entry = spec.media.at(static_cast<std::size_t>(item));
        if (entry.kind == MediaKind::Image || view.media_state(item)->ended) continue;
        stage["media"] = {{"kind", name_of(entry.kind, media_kind_names())}, {"alt", entry.alt}, {"caption", context.caption}};
    }
    return stage;
}

std::string state_name(ProposalState state) {
    switch (state) {
    case ProposalState::Collecting: return "collecting";
    case ProposalState::Waiting: return "waiting";
    case ProposalState::Streaming: return "streaming";
    case ProposalState::Done: return "done";
    case ProposalState::Failed: return "failed";
    case ProposalState::Manual: return "manual";
    }
    return "collecting";
}

// The AI stage as a phone sees it: where the proposal is, and the latest version paragraph by
// paragraph with how many marked each (and this phone's own mark). The prompt itself is
// fetched separately (/api/prompt).
Json proposal_json(const View& view, const Participant& me, const PhoneContext& context) {
    const auto& proposal = view.proposal;
    Json json{{"state", state_name(proposal.state)},
              {"request", proposal.request},
              {"model", proposal.model},
              {"removed", proposal.removed},
              {"has_prompt", !proposal.prompt.empty()},
              {"may_ask_again", proposal.may_ask_again()},
              {"takes_paste", proposal.takes_paste()},
              {"versions", proposal.versions.size()}};
    if (proposal.state == ProposalState::Collecting)
        json["window_ms"] = std::max<long long>(0, (proposal.window_end - context.now).count());
    if (const auto* latest = proposal.latest()) {
        Json paragraphs = Json::array();
        const auto split = split_paragraphs(latest->text);
        for (std::size_t i = 0; i < split.size(); ++i) {
            Json counts{{"agree", 0}, {"question", 0}, {"risk", 0}};
            std::string mine;
            if (const auto marks = latest->marks.find(static_cast<int>(i)); marks != latest->marks.end())
                for (const auto& [who, mark] : marks->second) {
                    counts[std::string{to_string(mark)}] = counts[std::string{to_string(mark)}].get<int>() + 1;
                    if (who == me.number) mine = to_string(mark);
                }
            paragraphs.push_back({{"text", split[i].text}, {"heading", split[i].heading}, {"marks", counts}, {"mine", mine}});
        }
        json["latest"] = {{"paragraphs", paragraphs},
                          {"complete", latest->complete},
                          {"failure", latest->failure},
                          {"pasted", latest->pasted},
                          {"model", latest->model},
                          {"number", proposal.versions.size()}};
    }
    return json;
}

// Dates go both ways: ISO for the date picker, and as the room reads them for the text.
Json decision_json(const Decision& d, const DateWords& dates) {
    return {{"id", d.id},
            {"kind", std::string{to_string(d.kind)}},
            {"situation", d.situation},
            {"statement", d.statement},
            {"owner", d.owner},
            {"first_step", d.first_step},
            {"review_date", format_date(d.review_date)},
            {"review_date_text", spoken_date(d.review_date, dates)},
            {"review", d.review}};
}

// The lobby's choice of format: the offered ones with their dots and this phone's, and the format
// the choice stands at (the slot's, the room's pick or the most dots).
Json videoframes_json(const View& view, const Participant& me) {
    const auto& choice = view.videoframes;
    auto dots = view.videoframe_dots();
    Json offered = Json::array();
    // Back in the lobby after the check-in began (the room's "previous"): the format stands.
    for (const auto& id : choice.settled.empty() ? choice.offered : std::vector<std::string>{})
        if (const auto format = view.library ? view.library->find(id) : nullptr)
            offered.push_back({{"id", id}, {"title", format->title}, {"summary", format->summary}, {"dots", dots[id]}});
    const auto leading = view.library ? view.library->find(view.leading_videoframe()) : nullptr;
    const auto mine = choice.dots.find(me.number);
    return {{"offered", offered},
            {"mine", mine == choice.dots.end() ? std::string{} : mine->second},
            {"leading", leading ? leading->title : view.content->title},
            {"by_room", !choice.room_pick.empty()}};
}

// The lobby: the situation, the framing questions with this phone's picks and the counts, and
// earlier decisions due for review.
Json lobby_json(const View& view, const Participant& me, const DateWords& dates) {
    std::map<int, int> counts;
    for (const auto& [who, picked] : view.framing_votes)
        for (const int index : picked) ++counts[index];
    Json questions = Json::array();
    for (std::size_t i = 0; i < view.content->framing_questions.size(); ++i)
        questions.push_back({{"text", view.content->framing_questions[i]}, {"votes", counts[static_cast<int>(i)]}});
    Json mine = Json::array();
    if (const auto found = view.framing_votes.find(me.number); found != view.framing_votes.end())
        for (const int index : found->second) mine.push_back(index);
    Json reviews = Json::array();
    for (const auto& d : view.reviews)
        if (d.review != "done" && d.review != "dropped") reviews.push_back(decision_json(d, dates));
    return {{"situation", view.situation}, {"framing", questions}, {"my_framing", mine}, {"reviews", reviews},
            {"videoframes", videoframes_json(view, me)}};
}

// The validation stage: the criteria, this phone's scores, the proposal and the vote, the owner.
Json validation_json(const View& view, const Participant& me, const DateWords& dates) {
    const auto& validation = view.validation;
    Json criteria = Json::array();
    for (const auto& criterion : view.content->criteria)
        criteria.push_back({{"name", criterion.name}, {"description", criterion.description}});
    Json json{{"criteria", criteria},
              {"proposed", std::string{to_string(view.proposed_decision())}},
              {"voters", validation.votes.size()},
              {"objections", Json::array()},
              {"owner", validation.owner == 0 ? Json{} : Json(validation.owner_name)},  // Json{x} would be a one-element array
              {"i_own", validation.owner == me.number},
              {"first_step", validation.first_step},
              {"review_date", format_date(validation.review_date)},
              {"review_date_text", spoken_date(validation.review_date, dates)},
              {"edits", Json::array()}};
    if (const auto found = validation.scores.find(me.number); found != validation.scores.end()) json["my_scores"] = found->second;
    if (const auto found = validation.votes.find(me.number); found != validation.votes.end())
        json["my_vote"] = std::string{to_string(found->second)};
    if (validation.decided) json["decided"] = std::string{to_string(*validation.decided)};
    for (const auto& objection : validation.objections) {
        json["objections"].push_back(objection.text);
        if (objection.author == me.number) json["my_objection"] = objection.text;
    }
    for (const auto& edit : validation.edits) json["edits"].push_back(edit.text);
    return json;
}

}  // namespace

std::string contribution_name(Contribution contribution) { return name_of(contribution, contribution_names()); }

namespace {

// A vote's outcome while its step runs: a tie at a deciding place (the run-off, one dot among
// the tied, or the room picks), else the results with the chosen notes first.
void add_choice_state(Json& state, const View& view, const Participant& me) {
    const int step = view.step;
    if (const auto* tie = view.open_choice()) {
        Json candidates = Json::array();
        for (const int id : tie->tied)
            if (const auto* note = view.note(id)) candidates.push_back({{"id", id}, {"text", note->text}});
        const auto mine_found = tie->runoff.find(me.number);
        state["runoff"] = {{"open", tie->in_runoff()},
                           {"candidates", std::move(candidates)},
                           {"mine", mine_found == tie->runoff.end() ? Json() : Json(mine_found->second)},
                           {"voters", tie->runoff.size()}};
    } else if (view.part() == Part::Results) {
        std::set<int> chosen;
        for (const auto* note : view.chosen(step)) chosen.insert(note->id);
        auto ranking = view.ranking(step);
        // The chosen first: after a tie they share their place with notes that were not chosen.
        std::stable_partition(ranking.begin(), ranking.end(), [&](const Ranked& r) { return chosen.count(r.note) > 0; });
        auto& results = state["results"] = Json::array();
        for (const auto& ranked : ranking)
            results.push_back({{"id", ranked.note},
                               {"text", view.note(ranked.note)->text},
                               {"dots", ranked.dots},
                               {"place", ranked.place},
                               {"chosen", chosen.count(ranked.note) > 0}});
    }
}

// The running step: its stage, timer and extension vote, this phone's notes and dots, the
// candidates while voting, and what the AI, validation or vote parts add.
void add_step_state(Json& state, Json& mine, const View& view, const Participant& me, const PhoneContext& context) {
    const int step = view.step;
    const auto& activity = view.activity;
    state["stage"] = stage_json(view, context);
    state["timer"] = {{"remaining_ms", view.remaining(context.now).count()},
                      {"duration_ms", view.timer.duration.count()},
                      {"paused", view.timer.paused}};
    state["more_time"] = {{"votes", activity.want_more.size()},
                          {"given", activity.extended_by_vote},
                          {"minutes", context.extend_minutes}};
    const auto visible = view.notes_of(step);
    for (const auto* note : visible)
        if (note->author == me.number) mine["notes"].push_back(note_json(*note));
    const auto& dots = view.dots.at(static_cast<std::size_t>(step));
    if (const auto found = dots.find(me.number); found != dots.end()) mine["dots"] = found->second;
    // Everyone sees the candidates while voting; the host sees every note, to hide one.
    if (view.part() == Part::Vote || me.host) {
        auto& list = state["notes"] = Json::array();
        for (const auto* note : visible) list.push_back(note_json(*note));
    }
    if (view.part() == Part::Vote) state["voters"] = view.voters(step);
    if (view.in_proposal_step()) state["proposal"] = proposal_json(view, me, context);
    if (step == view.validation_step()) state["validation"] = validation_json(view, me, context.dates);
    add_choice_state(state, view, me);
    if (!view.framing.empty()) {
        Json framing = Json::array();
        for (const int index : view.framing) framing.push_back(view.content->framing_questions.at(static_cast<std::size_t>(index)));
        state["framing"] = framing;
        state["situation"] = view.situation;
    }
}

// The wrap-up: the session's summary, and the coffee corner's question for next week
// (suggestions, anonymous, with this phone's dot).
void add_wrapup_state(Json& state, const View& view, const Participant& me, const PhoneContext& context) {
    Json summary{{"situation", view.situation}, {"statement", view.chosen_statement()}, {"question", context.week_question}};
    if (const auto outcome = view.outcome()) summary["decision"] = decision_json(*outcome, context.dates);
    for (const auto& shared : view.reflections)
        if (shared.author == me.number) summary["my_shared"] = shared.text;
    state["wrapup"] = std::move(summary);
    Json ideas = Json::array();
    for (std::size_t i = 0; i < view.question_ideas.size(); ++i)
        ideas.push_back({{"id", static_cast<int>(i) + 1},
                         {"text", view.question_ideas[i].text},
                         {"mine", view.question_ideas[i].author == me.number}});
    state["questions"] = std::move(ideas);
    const auto dot = view.question_dots.find(me.number);
    state["question_dot"] = dot == view.question_dots.end() ? 0 : dot->second;
    state["question_chosen"] = view.chosen_question();
}

}  // namespace

std::string phone_state_json(const View& view, const std::string& key, const PhoneContext& context) {
    const auto* me = view.participant(key);
    if (!me) return {};
    Json state{{"v", view.version}, {"phase", phase_name(view.phase)}};
    const auto& activity = view.activity;
    Json mine{{"number", me->number},
              {"name", me->name},
              {"host", me->host},
              {"ready", activity.ready.count(me->number) > 0},
              {"more_time", activity.want_more.count(me->number) > 0},
              {"notes", Json::array()},
              {"dots", Json::array()}};
    state["people"] = {{"joined", view.active_participants()}, {"ready", activity.ready.size()}};
    if (me->host) {
        // The host may take someone out (a stranger, a second phone); names only as the room shows them.
        auto& list = state["participants"] = Json::array();
        for (const auto& person : view.participants)
            if (!person.removed) list.push_back({{"number", person.number}, {"name", person.name}, {"me", person.number == me->number}});
    }
    if (view.in_step()) add_step_state(state, mine, view, *me, context);
    if (view.phase == Phase::Lobby) state["lobby"] = lobby_json(view, *me, context.dates);
    if (view.phase == Phase::WrapUp) add_wrapup_state(state, view, *me, context);
    state["me"] = std::move(mine);
    // Invalid UTF-8 cannot get here (the engine refuses it), but a reply must never throw.
    return state.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace kiosk::net
