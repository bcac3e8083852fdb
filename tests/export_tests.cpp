// The session exports: what a group takes home. A note full of characters that mean
// something in some format must survive every format intact, and harmless.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "kiosk/config/config_loader.hpp"
#include "kiosk/core/engine.hpp"
#include "kiosk/core/spoken_date.hpp"
#include "kiosk/store/session_export.hpp"
#include "tests/engine_room.hpp"
#include "tests/test_content.hpp"

using namespace kiosk;
using store::ExportFormat;

namespace {

const std::string k_hostile = "=SUM(A1) | \"quoted\", comma; <script>alert('x')</script> & *stars* [link](http://x)";
// An answer from a model: Markdown, with raw HTML it must never get to run.
const std::string k_ai_answer = "## Voorstel\n\nEen **vaste** checklist <img src=x onerror=alert(1)>.\n\n- stap een\n- stap twee";

// A session with a check-in answer, facts, and a brainstorm with a dot vote and its result.
struct FinishedSession {
    Engine engine{testing::phone_content(), TimerRules{}, SessionRules{}, [] { return std::string{"export-token"}; }};
    FakeClock clock;
    void send(Event event) {
        event.at = clock.monotonic();
        engine.apply(event);
    }
    void phone(EventKind kind, int n, const std::string& text = "", std::vector<int> dots = {}) {
        send(testing::phone_event(kind, "phone-key-0000000" + std::to_string(n), engine.view(), text, dots));
    }
    FinishedSession() {
        send(Event{EventKind::Start});
        for (int n = 1; n <= 3; ++n) phone(EventKind::Join, n);
        phone(EventKind::SetSituation, 1, "De overdracht van 8:30");
        send(Event{EventKind::Start});
        phone(EventKind::Contribute, 1, "Een klant bedankte me");
        send(Event{EventKind::Next});
        phone(EventKind::Contribute, 2, k_hostile);
        while (engine.view().step_spec().id != "brainstorm") send(Event{EventKind::Next});
        phone(EventKind::Contribute, 1, "Gedeeld bord");
        phone(EventKind::Contribute, 2, "Vaste terugbeltijden");
        send(Event{EventKind::Next});  // the vote
        const auto board = engine.view().notes_of(engine.view().step).at(0)->id;
        const auto times = engine.view().notes_of(engine.view().step).at(1)->id;
        phone(EventKind::Vote, 1, "", {board, board, times});
        phone(EventKind::Vote, 2, "", {board});
        send(Event{EventKind::Next});  // the result
        send(Event{EventKind::Next});  // the AI stage
        phone(EventKind::Contribute, 3, "Geen budget");
        send(Event{EventKind::Start});  // send the prompt now
        const int request = engine.view().proposal.request;
        send({EventKind::AiPrompt, Sender::system(), AiPromptPayload{request, "## Instructies\n<<<DATA-x BEGIN facts>>>", "llama3", 0}});
        send({EventKind::AiText, Sender::system(), AiTextPayload{request, k_ai_answer}});
        send({EventKind::AiEnd, Sender::system(), AiEndPayload{request, ""}});
        send({EventKind::MarkParagraph, Sender::participant("phone-key-00000001"), MarkPayload{"ai-voorstel", 1, "risk"}});
        send(Event{EventKind::Next});  // the validation
        phone(EventKind::Score, 1, "", std::vector<int>(engine.view().content->criteria.size(), 4));
        phone(EventKind::Score, 2, "", std::vector<int>(engine.view().content->criteria.size(), 5));
        phone(EventKind::Object, 3, "Te veel voor de late dienst");
        send(Event{EventKind::Next});  // decide
        phone(EventKind::DecisionVote, 1, "doen");
        phone(EventKind::DecisionVote, 2, "doen");
        send(Event{EventKind::Next});  // owner
        phone(EventKind::Volunteer, 2, "Teamcoördinator");
        send({EventKind::Commit, Sender::participant("phone-key-00000002"), CommitPayload{"validatie", "Vijf vragen kiezen", 20261207}});
        clock.advance(std::chrono::minutes{3});
        while (engine.view().phase != Phase::WrapUp) send(Event{EventKind::Next});
    }
    std::string as(ExportFormat format) const {
        return store::export_session(engine.view(), {"Leerruimte <Vitaal>", "2026-11-23 09:00", false, dutch_dates()}, format);
    }
    // The review date's words as the room's strings.nl.json has them.
    static DateWords dutch_dates() {
        static const auto config = load_config(KIOSK_SOURCE_DIR "/config", "nl");
        return date_words(config.strings);
    }
};

// RFC 4180: rows of fields, quotes doubled inside quoted fields.
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
    std::vector<std::vector<std::string>> rows{{}};
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') field += '"', ++i;
            else if (c == '"') quoted = false;
            else field += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            rows.back().push_back(field), field.clear();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            rows.back().push_back(field), field.clear(), rows.emplace_back(), ++i;
        } else {
            field += c;
        }
    }
    if (rows.back().empty()) rows.pop_back();
    return rows;
}

// Every opened element is closed in order (void elements aside): the page is well-formed.
bool balanced_html(const std::string& html) {
    std::vector<std::string> open;
    for (std::size_t at = html.find('<'); at != std::string::npos; at = html.find('<', at + 1)) {
        const auto end = html.find('>', at);
        if (end == std::string::npos) return false;
        std::string tag = html.substr(at + 1, end - at - 1);
        if (tag.empty() || tag[0] == '!') continue;
        const bool closing = tag[0] == '/';
        tag = tag.substr(closing ? 1 : 0, tag.find_first_of(" >", closing ? 1 : 0) - (closing ? 1 : 0));
        if (tag == "meta") continue;
        if (!closing) open.push_back(tag);
        else if (open.empty() || open.back() != tag) return false;
        else open.pop_back();
    }
    return open.empty();
}

}  // namespace

TEST_CASE("The JSON export parses and holds every contribution exactly, and the vote counts") {
    const FinishedSession session;
    const auto json = nlohmann::json::parse(session.as(ExportFormat::Json));
    CHECK(json["room"] == "Leerruimte <Vitaal>");
    CHECK(json["participants"] == 3);
    const auto& stages = json["stages"];
    REQUIRE(stages.size() == 6);
    CHECK(stages[1]["notes"][0]["text"] == k_hostile);
    const auto& ideas = stages[3]["notes"];
    REQUIRE(ideas.size() == 2);
    CHECK(ideas[0]["dots"] == 3);
    CHECK(ideas[0]["place"] == 1);
    CHECK(ideas[0]["chosen"] == true);
    CHECK(session.as(ExportFormat::Json).find("phone-key") == std::string::npos);  // no secrets
}

TEST_CASE("The CSV export parses into one row per contribution, formulas made inert") {
    const FinishedSession session;
    const auto rows = parse_csv(session.as(ExportFormat::Csv));
    REQUIRE(rows.size() == 1 + 5 + 3);  // header, answer, fact, two ideas, a constraint; the AI text a row a paragraph
    for (const auto& row : rows) CHECK(row.size() == 8);
    CHECK(rows[0][5] == "text");
    CHECK(rows[2][0] == "analyse");
    CHECK(rows[2][5] == "'" + k_hostile);  // a leading '=' would run as a spreadsheet formula
    CHECK(rows[3][6] == "3");
}

TEST_CASE("The HTML export is a well-formed page that shows markup as text") {
    const FinishedSession session;
    const auto html = session.as(ExportFormat::Html);
    CHECK(balanced_html(html));
    CHECK(html.find("<script>") == std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;") != std::string::npos);
    CHECK(html.find("Leerruimte &lt;Vitaal&gt;") != std::string::npos);
    CHECK(html.find("<li class=\"chosen\">Gedeeld bord <span class=\"dots\">— 3 stippen</span></li>") != std::string::npos);
}

TEST_CASE("The Markdown export reads as a summary and escapes what people typed") {
    const FinishedSession session;
    const auto md = session.as(ExportFormat::Markdown);
    CHECK(md.rfind("# Test — Leerruimte \\<Vitaal\\>\n", 0) == 0);
    CHECK(md.find("## Titel brainstorm") != std::string::npos);
    CHECK(md.find("1\\. **Gedeeld bord** — 3 stippen") != std::string::npos);
    CHECK(md.find("<script>") == std::string::npos);
    CHECK(md.find("\\<script\\>alert\\(\\'x\\'\\)\\</script\\>") != std::string::npos);
    CHECK(md.find("\\| \\\"quoted\\\", comma; ") != std::string::npos);
}

TEST_CASE("Export formats are named as on the command line") {
    CHECK(store::export_format_from("md") == ExportFormat::Markdown);
    CHECK(store::export_format_from("html") == ExportFormat::Html);
    CHECK_FALSE(store::export_format_from("pdf"));
}

TEST_CASE("Every export carries the AI proposal, labelled as AI text, with its marks and the prompt") {
    const FinishedSession session;
    const auto json = nlohmann::json::parse(session.as(ExportFormat::Json));
    const auto& proposal = json.at("ai_proposal");
    CHECK(proposal.at("prompt") == "## Instructies\n<<<DATA-x BEGIN facts>>>");
    REQUIRE(proposal.at("versions").size() == 1);
    const auto& version = proposal.at("versions").at(0);
    CHECK(version.at("text") == k_ai_answer);
    CHECK(version.at("ai_generated") == true);
    CHECK(version.at("model") == "llama3");
    CHECK(version.at("paragraphs").at(1).at("risk") == 1);
    CHECK(version.at("paragraphs").at(0).at("heading") == true);

    const auto html = session.as(ExportFormat::Html);
    CHECK(html.find("AI-voorstel (model: llama3)") != std::string::npos);
    CHECK(html.find("<strong>vaste</strong>") != std::string::npos);  // Markdown rendered
    CHECK(html.find("<img") == std::string::npos);                     // raw HTML dropped
    CHECK(html.find("(0 klopt, 0 vraag, 1 risico)") != std::string::npos);
    CHECK(html.find("&lt;&lt;&lt;DATA-x BEGIN facts&gt;&gt;&gt;") != std::string::npos);

    const auto md = session.as(ExportFormat::Markdown);
    CHECK(md.find("### AI\\-voorstel \\(model: llama3\\)") != std::string::npos);
    CHECK(md.find("> Een **vaste** checklist &lt;img src=x onerror=alert(1)>.") != std::string::npos);

    const auto rows = parse_csv(session.as(ExportFormat::Csv));
    const auto ai_rows = std::count_if(rows.begin(), rows.end(), [](const auto& row) { return row.size() > 3 && row[3] == "AI"; });
    CHECK(ai_rows == 3);  // a row a paragraph: the heading, the sentence, the list
}

TEST_CASE("The session export records the situation, the scores, objections and the decision with its owner") {
    const FinishedSession session;
    const auto json = nlohmann::json::parse(session.as(ExportFormat::Json));
    CHECK(json.at("situation") == "De overdracht van 8:30");
    const auto& validation = json.at("validation");
    CHECK(validation.at("criteria").at(0).at("counts") == nlohmann::json::array({0, 0, 0, 1, 1}));
    CHECK(validation.at("objections").at(0) == "Te veel voor de late dienst");
    CHECK(validation.at("decision").at("kind") == "doen");  // the group overrode "aanpassen" (an objection)
    CHECK(validation.at("decision").at("owner") == "Teamcoördinator");
    CHECK(validation.at("decision").at("review_date") == "2026-12-07");
    const auto md = session.as(ExportFormat::Markdown);
    CHECK(md.find("Eigenaar: Teamcoördinator") != std::string::npos);
    // People read dates in the room's language; JSON and CSV keep ISO for tools.
    CHECK(md.find("Terugkijken: ma 7 december") != std::string::npos);
    CHECK(session.as(ExportFormat::Html).find("ma 7 december") != std::string::npos);
    CHECK(md.find("2026-12-07") == std::string::npos);
    CHECK(md.find("Werksituatie: De overdracht van 8:30") != std::string::npos);
}

TEST_CASE("The week export accounts for time per stage, contributions and decisions") {
    const FinishedSession session;
    const auto held = store::week_session(session.engine.view(), 1, "2026-11-23 09:00", 60);
    CHECK(held.contributions == 5);  // the answer, the fact, two ideas, a constraint
    CHECK(held.decision->owner == "Teamcoördinator");
    const auto validation = std::find_if(held.stage_minutes.begin(), held.stage_minutes.end(),
                                         [](const auto& s) { return s.first == "Titel validatie"; });
    REQUIRE(validation != held.stage_minutes.end());
    CHECK(validation->second == 3);
    const auto json = nlohmann::json::parse(store::export_week("2026-W48", {held, held}, "Leerruimte", ExportFormat::Json));
    CHECK(json.at("sessions_held") == 2);
    CHECK(json.at("minutes") == 120);
    CHECK(json.at("contributions") == 10);
    CHECK(json.at("decisions_with_owner_and_date") == 2);
    CHECK(json.at("minutes_per_stage").at("Titel validatie") == 6);
    CHECK(json.at("sessions").at(0).at("decision").at("review_date") == "2026-12-07");
    const auto week_md = store::export_week("2026-W48", {held}, "Leerruimte", ExportFormat::Markdown, FinishedSession::dutch_dates());
    CHECK(week_md.find("ma 7 december") != std::string::npos);
    const auto csv = store::export_week("2026-W48", {held}, "Leerruimte", ExportFormat::Csv, FinishedSession::dutch_dates());
    CHECK(csv.find(",doen,Teamcoördinator,2026-12-07,") != std::string::npos);
}
