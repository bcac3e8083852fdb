// The recorded outcome as JSON (nlohmann): every field of the View that history and the
// exports read, with the videoframe and the decision rule the session ran with. Enumerations are
// written by name, so a reordered enum cannot change what an old record says.
#include "kiosk/store/outcome_record.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <utility>

#include "kiosk/store/journal.hpp"

namespace kiosk::store {

using Json = nlohmann::json;

namespace {

// ---- enumerations by name -----------------------------------------------------------------

template <typename E, std::size_t N>
std::string name_of(E value, const std::array<std::pair<E, const char*>, N>& names) {
    for (const auto& [e, name] : names)
        if (e == value) return name;
    return names.front().second;
}

template <typename E, std::size_t N>
E value_of(const Json& json, const std::array<std::pair<E, const char*>, N>& names) {
    const auto text = json.get<std::string>();
    for (const auto& [e, name] : names)
        if (text == name) return e;
    throw StoreError{"the outcome record holds an unknown value '" + text + "'"};
}

// The same for a table declared with its enum (enum_names.hpp).
template <typename E>
E value_of(const Json& json, const EnumNames<E>& names) {
    const auto text = json.get<std::string>();
    if (const auto value = value_named(text, names)) return *value;
    throw StoreError{"the outcome record holds an unknown value '" + text + "'"};
}

constexpr std::array<std::pair<Phase, const char*>, 4> k_phases{
    {{Phase::Idle, "idle"}, {Phase::Lobby, "lobby"}, {Phase::Step, "step"}, {Phase::WrapUp, "wrapup"}}};
constexpr std::array<std::pair<Part, const char*>, 3> k_parts{
    {{Part::Write, "write"}, {Part::Vote, "vote"}, {Part::Results, "results"}}};
constexpr std::array<std::pair<ChosenBy, const char*>, 4> k_chosen_by{{{ChosenBy::Votes, "votes"},
                                                                        {ChosenBy::RunOff, "runoff"},
                                                                        {ChosenBy::Room, "room"},
                                                                        {ChosenBy::FirstOnTie, "first_on_tie"}}};
constexpr std::array<std::pair<ProposalState, const char*>, 6> k_proposal_states{
    {{ProposalState::Collecting, "collecting"}, {ProposalState::Waiting, "waiting"}, {ProposalState::Streaming, "streaming"},
     {ProposalState::Done, "done"}, {ProposalState::Failed, "failed"}, {ProposalState::Manual, "manual"}}};
constexpr std::array<std::pair<DecisionKind, const char*>, 3> k_decisions{
    {{DecisionKind::Do, "doen"}, {DecisionKind::Adjust, "aanpassen"}, {DecisionKind::Park, "parkeren"}}};

long long ms(Millis time) { return time.count(); }
Millis ms_of(const Json& json) { return Millis{json.get<long long>()}; }

// Maps with int keys as arrays of pairs (JSON object keys are strings).
template <typename V, typename F>
Json pairs(const std::map<int, V>& map, F&& value) {
    Json out = Json::array();
    for (const auto& [key, v] : map) out.push_back(Json::array({key, value(v)}));
    return out;
}

// ---- the videoframe and the rule ------------------------------------------------------------

Json content_json(const Content& content) {
    Json steps = Json::array();
    for (const auto& s : content.steps)
        steps.push_back({{"id", s.id}, {"title", s.title}, {"goal", s.goal}, {"questions", s.questions},
                         {"phone_task", s.phone_task}, {"contribution", name_of(s.contribution, contribution_names())},
                         {"max_per_person", s.max_per_person}, {"dots", s.dots}, {"duration_ms", ms(s.duration)},
                         {"vote_ms", ms(s.vote_time)}, {"result_ms", ms(s.result_time)}, {"winners", s.winners},
                         {"runoff_ms", ms(s.runoff_time)}});
    Json criteria = Json::array();
    for (const auto& c : content.criteria) criteria.push_back({{"name", c.name}, {"description", c.description}});
    return {{"id", content.id}, {"language", content.language}, {"title", content.title}, {"summary", content.summary},
            {"goal", content.goal}, {"ai_brief", content.ai_brief}, {"steps", steps},
            {"reflection_questions", content.reflection_questions}, {"framing_questions", content.framing_questions},
            {"criteria", criteria}};
}

std::shared_ptr<const Content> content_of(const Json& json) {
    auto content = std::make_shared<Content>();
    content->id = json.value("id", std::string{k_first_format_id});  // recorded before formats had ids: the one there was
    content->language = json.at("language");
    content->title = json.at("title");
    content->summary = json.value("summary", "");
    content->goal = json.value("goal", "");
    content->ai_brief = json.value("ai_brief", "");
    for (const auto& s : json.at("steps")) {
        StepSpec step;
        step.id = s.at("id");
        step.title = s.at("title");
        step.goal = s.at("goal");
        step.questions = s.at("questions").get<std::vector<std::string>>();
        step.phone_task = s.at("phone_task");
        step.contribution = value_of(s.at("contribution"), contribution_names());
        step.max_per_person = s.at("max_per_person");
        step.dots = s.at("dots");
        step.duration = ms_of(s.at("duration_ms"));
        step.vote_time = ms_of(s.at("vote_ms"));
        step.result_time = ms_of(s.at("result_ms"));
        step.winners = s.at("winners");
        step.runoff_time = ms_of(s.at("runoff_ms"));
        content->steps.push_back(std::move(step));
    }
    content->reflection_questions = json.at("reflection_questions").get<std::vector<std::string>>();
    content->framing_questions = json.at("framing_questions").get<std::vector<std::string>>();
    for (const auto& c : json.at("criteria")) content->criteria.push_back({c.at("name"), c.at("description")});
    return content;
}

Json rules_json(const SessionRules& rules) {
    return {{"show_names", rules.show_names},
            {"decision", {{"weak_score", rules.decision.weak_score}, {"adjust_max_weak", rules.decision.adjust_max_weak},
                          {"objection_means_adjust", rules.decision.objection_means_adjust}}}};
}

std::shared_ptr<const SessionRules> rules_of(const Json& json) {
    auto rules = std::make_shared<SessionRules>();
    rules->show_names = json.at("show_names");
    const auto& decision = json.at("decision");
    rules->decision.weak_score = decision.at("weak_score");
    rules->decision.adjust_max_weak = decision.at("adjust_max_weak");
    rules->decision.objection_means_adjust = decision.at("objection_means_adjust");
    return rules;
}

// ---- the session's parts ------------------------------------------------------------------

Json texts_json(const std::vector<Sentence>& texts) {
    Json out = Json::array();
    for (const auto& t : texts) out.push_back({{"author", t.author}, {"text", t.text}});
    return out;
}

std::vector<Sentence> texts_of(const Json& json) {
    std::vector<Sentence> out;
    for (const auto& t : json) out.push_back({t.at("author"), t.at("text")});
    return out;
}

Json decision_json(const Decision& d) {
    return {{"id", d.id}, {"kind", name_of(d.kind, k_decisions)}, {"situation", d.situation}, {"statement", d.statement},
            {"owner", d.owner}, {"first_step", d.first_step}, {"review_date", d.review_date}, {"review", d.review}};
}

Decision decision_of(const Json& json) {
    return {json.at("id"), value_of(json.at("kind"), k_decisions), json.at("situation"), json.at("statement"),
            json.at("owner"), json.at("first_step"), json.at("review_date"), json.at("review")};
}

Json choice_json(const StageChoice& c) {
    return {{"settled", c.settled}, {"chosen", c.chosen}, {"by", name_of(c.by, k_chosen_by)}, {"tied", c.tied},
            {"slots", c.slots}, {"runoff", pairs(c.runoff, [](int note) { return note; })}};
}

StageChoice choice_of(const Json& json) {
    StageChoice c;
    c.settled = json.at("settled");
    c.chosen = json.at("chosen").get<std::vector<int>>();
    c.by = value_of(json.at("by"), k_chosen_by);
    c.tied = json.at("tied").get<std::vector<int>>();
    c.slots = json.at("slots");
    for (const auto& pair : json.at("runoff")) c.runoff[pair.at(0).get<int>()] = pair.at(1).get<int>();
    return c;
}

Json proposal_json(const ProposalView& p) {
    Json versions = Json::array();
    for (const auto& v : p.versions)
        versions.push_back({{"text", v.text}, {"model", v.model}, {"pasted", v.pasted}, {"complete", v.complete},
                            {"failure", v.failure}, {"marks", pairs(v.marks, [](const std::map<int, Mark>& marks) {
                                 return pairs(marks, [](Mark m) { return std::string{to_string(m)}; });
                             })}});
    return {{"state", name_of(p.state, k_proposal_states)}, {"request", p.request}, {"prompt", p.prompt},
            {"model", p.model}, {"removed", p.removed}, {"versions", versions}};
}

ProposalView proposal_of(const Json& json) {
    ProposalView p;
    p.state = value_of(json.at("state"), k_proposal_states);
    p.request = json.at("request");
    p.prompt = json.at("prompt");
    p.model = json.at("model");
    p.removed = json.at("removed");
    for (const auto& v : json.at("versions")) {
        ProposalVersion version;
        version.text = v.at("text");
        version.model = v.at("model");
        version.pasted = v.at("pasted");
        version.complete = v.at("complete");
        version.failure = v.at("failure");
        for (const auto& paragraph : v.at("marks"))
            for (const auto& mark : paragraph.at(1))
                version.marks[paragraph.at(0).get<int>()][mark.at(0).get<int>()] = mark_from(mark.at(1).get<std::string>());
        p.versions.push_back(std::move(version));
    }
    return p;
}

Json validation_json(const ValidationView& v) {
    return {{"scores", pairs(v.scores, [](const std::vector<int>& s) { return s; })},
            {"objections", texts_json(v.objections)},
            {"votes", pairs(v.votes, [](DecisionKind k) { return name_of(k, k_decisions); })},
            {"decided", v.decided ? Json(name_of(*v.decided, k_decisions)) : Json()},
            {"owner", v.owner}, {"owner_name", v.owner_name}, {"first_step", v.first_step},
            {"review_date", v.review_date}, {"edits", texts_json(v.edits)}};
}

ValidationView validation_of(const Json& json) {
    ValidationView v;
    for (const auto& pair : json.at("scores")) v.scores[pair.at(0).get<int>()] = pair.at(1).get<std::vector<int>>();
    v.objections = texts_of(json.at("objections"));
    for (const auto& pair : json.at("votes")) v.votes[pair.at(0).get<int>()] = value_of(pair.at(1), k_decisions);
    if (!json.at("decided").is_null()) v.decided = value_of(json.at("decided"), k_decisions);
    v.owner = json.at("owner");
    v.owner_name = json.at("owner_name");
    v.first_step = json.at("first_step");
    v.review_date = json.at("review_date");
    v.edits = texts_of(json.at("edits"));
    return v;
}

}  // namespace

std::string outcome_record(const View& view) {
    Json participants = Json::array();
    // Keys are secrets of a finished session: the record keeps numbers and first names only.
    for (const auto& p : view.participants)
        participants.push_back({{"number", p.number}, {"name", p.name}, {"host", p.host}, {"removed", p.removed}});
    // Notes are most of a record, and a year of records is read by every start's quick_check:
    // each as [id, step, author, text, hidden, withdrawn], without the keys.
    Json notes = Json::array();
    for (const auto& n : view.notes) notes.push_back(Json::array({n.id, n.step, n.author, n.text, n.hidden, n.withdrawn}));
    Json parts = Json::array();
    for (const auto part : view.parts) parts.push_back(name_of(part, k_parts));
    Json dots = Json::array();
    for (const auto& step : view.dots) dots.push_back(pairs(step, [](const std::vector<int>& ids) { return ids; }));
    Json choices = Json::array();
    for (const auto& c : view.choices) choices.push_back(choice_json(c));
    Json reviews = Json::array();
    for (const auto& d : view.reviews) reviews.push_back(decision_json(d));
    Json spent = Json::array();
    for (const auto s : view.spent) spent.push_back(ms(s));
    Json framing_votes = pairs(view.framing_votes, [](const std::set<int>& picks) { return std::vector<int>(picks.begin(), picks.end()); });
    Json cards = Json::array();
    for (const auto& c : view.cards_shown) cards.push_back({{"step", c.step}, {"kind", name_of(c.kind, card_kind_names())}, {"text", c.text}, {"by", c.by}});
    Json media = Json::array();
    for (const auto& m : view.media_shown)
        media.push_back({{"step", m.step}, {"kind", name_of(m.kind, media_kind_names())}, {"file", m.file}, {"alt", m.alt}, {"problem", m.problem}});
    const Json record{
        {"record", k_outcome_record_version},
        {"content", content_json(*view.content)},
        {"rules", rules_json(view.rules ? *view.rules : SessionRules{})},
        {"session_number", view.session_number},
        {"phase", name_of(view.phase, k_phases)},
        {"token", view.join_token},  // the decision's id in later lobbies
        {"participants", participants},
        {"notes", notes},
        {"parts", parts},
        {"dots", dots},
        {"choices", choices},
        {"proposal", proposal_json(view.proposal)},
        {"framing", view.framing},
        {"situation", view.situation},
        {"framing_votes", framing_votes},
        {"reviews", reviews},
        {"validation", validation_json(view.validation)},
        {"reflections", texts_json(view.reflections)},
        {"question_ideas", texts_json(view.question_ideas)},
        {"question_dots", pairs(view.question_dots, [](int idea) { return idea; })},
        {"question", view.chosen_question()},
        {"last_outcome", view.last_outcome},  // the headline before it ("Vorige keer" when it chose none)
        {"spent_ms", spent},
        {"cards_shown", cards},
        {"media_shown", media},
    };
    return record.dump(-1, ' ', false, Json::error_handler_t::replace);
}

View view_from_record(const std::string& text) {
    try {
        const auto json = Json::parse(text);
        if (json.at("record").get<int>() > k_outcome_record_version)
            throw StoreError{"the outcome record was written by a newer Vitale Kiosk (record " +
                             std::to_string(json.at("record").get<int>()) + "); update the kiosk"};
        View view;
        view.content = content_of(json.at("content"));
        view.rules = rules_of(json.at("rules"));
        view.session_number = json.at("session_number");
        view.phase = value_of(json.at("phase"), k_phases);
        view.join_token = json.at("token");
        for (const auto& p : json.at("participants"))
            view.participants.push_back({"", p.at("number"), p.at("name"), p.at("host"), p.at("removed")});
        for (const auto& n : json.at("notes"))
            view.notes.push_back({n.at(0), n.at(1), n.at(2), n.at(3), Millis{0}, n.at(4), n.at(5)});
        for (const auto& part : json.at("parts")) view.parts.push_back(value_of(part, k_parts));
        for (const auto& step : json.at("dots")) {
            auto& placed = view.dots.emplace_back();
            for (const auto& pair : step) placed[pair.at(0).get<int>()] = pair.at(1).get<std::vector<int>>();
        }
        for (const auto& c : json.at("choices")) view.choices.push_back(choice_of(c));
        view.proposal = proposal_of(json.at("proposal"));
        view.framing = json.at("framing").get<std::vector<int>>();
        view.situation = json.at("situation");
        for (const auto& pair : json.at("framing_votes")) {
            const auto picks = pair.at(1).get<std::vector<int>>();
            view.framing_votes[pair.at(0).get<int>()] = std::set<int>(picks.begin(), picks.end());
        }
        for (const auto& d : json.at("reviews")) view.reviews.push_back(decision_of(d));
        view.validation = validation_of(json.at("validation"));
        view.reflections = texts_of(json.at("reflections"));
        view.question_ideas = texts_of(json.at("question_ideas"));
        for (const auto& pair : json.at("question_dots")) view.question_dots[pair.at(0).get<int>()] = pair.at(1).get<int>();
        view.settled_question = json.at("question");
        view.last_outcome = json.value("last_outcome", std::string{});
        for (const auto& s : json.at("spent_ms")) view.spent.push_back(ms_of(s));
        // Recorded before surprise cards existed: none were shown.
        for (const auto& c : json.value("cards_shown", Json::array()))
            view.cards_shown.push_back({c.at("step"), value_of(c.at("kind"), card_kind_names()), c.at("text"), c.at("by")});
        // Recorded before formats had media: none was shown.
        for (const auto& m : json.value("media_shown", Json::array()))
            view.media_shown.push_back({m.at("step"), value_of(m.at("kind"), media_kind_names()), m.at("file"), m.at("alt"), m.at("problem")});
        return view;
    } catch (const StoreError&) {
        throw;
    } catch (const std::exception& error) {
        throw StoreError{std::string{"an outcome record this version cannot read ("} + error.what() + ")"};
    }
}

// ---- facts ----------------------------------------------------------------------------------

std::string fact_json(const Fact& fact) {
    Json json;
    if (const auto* f = std::get_if<ChosenFact>(&fact)) json = {{"step", f->step}, {"notes", f->notes}, {"by", name_of(f->by, k_chosen_by)}};
    else if (const auto* r = std::get_if<RunOffFact>(&fact)) json = {{"step", r->step}, {"dots", pairs(r->dots, [](int n) { return n; })}};
    else if (const auto* d = std::get_if<DecidedFact>(&fact))
        json = {{"decision", name_of(d->decision, k_decisions)}, {"owner", d->owner}, {"first_step", d->first_step}, {"review_date", d->review_date}};
    else if (const auto* v = std::get_if<ReviewedFact>(&fact)) json = {{"decision", v->decision}, {"review", v->review}};
    else if (const auto* q = std::get_if<QuestionFact>(&fact)) json = {{"text", q->text}};
    else if (const auto* format = std::get_if<VideoframeFact>(&fact)) json = {{"id", format->id}};
    else if (const auto* card = std::get_if<SurpriseFact>(&fact))
        json = {{"step", card->step}, {"draw", card->draw}, {"card", card->card}, {"key", card->key}};
    return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::optional<Fact> fact_from(const std::string& kind, const std::string& text) {
    try {
        const auto json = Json::parse(text);
        if (kind == "chosen") return ChosenFact{json.at("step"), json.at("notes").get<std::vector<int>>(), value_of(json.at("by"), k_chosen_by)};
        if (kind == "runoff") {
            RunOffFact fact{json.at("step"), {}};
            for (const auto& pair : json.at("dots")) fact.dots[pair.at(0).get<int>()] = pair.at(1).get<int>();
            return fact;
        }
        if (kind == "decided")
            return DecidedFact{value_of(json.at("decision"), k_decisions), json.at("owner"), json.at("first_step"), json.at("review_date")};
        if (kind == "reviewed") return ReviewedFact{json.at("decision"), json.at("review")};
        if (kind == "question") return QuestionFact{json.at("text")};
        if (kind == "videoframe") return VideoframeFact{json.at("id")};
        if (kind == "surprise") return SurpriseFact{json.at("step"), json.at("draw"), json.at("card"), json.at("key")};
        return std::nullopt;
    } catch (const StoreError&) {
        throw;
    } catch (const std::exception& error) {
        throw StoreError{"a " + kind + " fact this version cannot read (" + error.what() + ")"};
    }
}

}  // namespace kiosk::store
