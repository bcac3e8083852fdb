// The session and week exports: what a group takes home. A note full of characters that mean
// something in some format must survive every format intact, and harmless; no file names a
// participant by number, shows dot counts the room has not seen, or holds a live link.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <regex>

#include "kiosk/config/config_loader.hpp"
#include "kiosk/core/engine.hpp"
#include "kiosk/store/report_text.hpp"
#include "kiosk/store/session_export.hpp"
#include "kiosk/store/outcome_record.hpp"
#include "tests/engine_room.hpp"
#include "tests/test_content.hpp"

using namespace kiosk;
using store::ExportFormat;

namespace {

const std::string k_hostile = "=SUM(A1) | \"quoted\", comma; <script>alert('x')</script> & *stars* [link](http://x)";
// An answer from a model: Markdown, with raw HTML it must never get to run.
const std::string k_ai_answer = "## Voorstel\n\nEen **vaste** checklist <img src=x onerror=alert(1)>.\n\n- stap een\n- stap twee";
// Links, an image, raw HTML and an autolink, as someone might paste them.
const std::string k_links = "[klik](http://evil.example/x) ![](http://evil.example/i.png) <img src=x> <http://evil.example>";
const std::string k_bom = "\xEF\xBB\xBF";
constexpr int k_brainstorm = 3;  // the step with the ideas' dot vote in phone_content()

// The room's texts as config/ has them, one load per language.
const Config& room_config(const std::string& language) {
    static const auto nl = load_config(KIOSK_SOURCE_DIR "/config", "nl");
    static const auto en = load_config(KIOSK_SOURCE_DIR "/config", "en");
    return language == "en" ? en : nl;
}

store::ExportLanguage room_language(const std::string& language) { return {language, &room_config(language).strings}; }

std::string export_of(const View& view, ExportFormat format, const std::string& language = "nl", bool show_names = false) {
    return store::export_session(
        view, {.room = "Leerruimte <Vitaal>", .date = "2026-11-23 09:00", .show_names = show_names, .language = room_language(language)},
        format);
}

// A session walked on a fake clock: check-in, analysis, and the brainstorm into its dot vote.
struct SessionWalk {
    Engine engine{testing::phone_content(), TimerRules{}, SessionRules{}, [] { return std::string{"export-token"}; }};
    FakeClock clock;
    void send(Event event) {
        event.at = clock.monotonic();
        engine.apply(event);
    }
    void phone(EventKind kind, int n, const std::string& text = "", std::vector<int> dots = {}) {
        send(testing::phone_event(kind, "phone-key-0000000" + std::to_string(n), engine.view(), text, dots));
    }
    // Two of three phones have placed their dots; the result is not shown yet.
    void walk_into_vote() {
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
    }
    std::string as(ExportFormat format, const std::string& language = "nl") const { return export_of(engine.view(), format, language); }
};

// The whole session: the vote's result, the AI stage, the validation with its decision, the wrap-up.
struct FinishedSession : SessionWalk {
    FinishedSession() {
        walk_into_vote();
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
};

// RFC 4180 with the given separator: rows of fields, quotes doubled inside quoted fields, a BOM skipped.
std::vector<std::vector<std::string>> parse_csv(std::string text, char separator = ';') {
    if (text.rfind(k_bom, 0) == 0) text.erase(0, k_bom.size());
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
        } else if (c == separator) {
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

// The pieces a careless split at any of `separators` gives, e.g. "text to columns" on ';' or ','.
std::vector<std::string> split_anywhere(const std::string& text, const std::string& separators) {
    std::vector<std::string> pieces{""};
    for (const char c : text) {
        if (separators.find(c) != std::string::npos) pieces.emplace_back();
        else pieces.back() += c;
    }
    return pieces;
}

// A spreadsheet would run it: its first character (past spaces and CSV quotes) starts a formula.
bool starts_formula(const std::string& piece) {
    const auto first = piece.find_first_not_of(" \"");
    return first != std::string::npos && std::string{"=+-@"}.find(piece[first]) != std::string::npos;
}

// Markdown that a viewer would render as a link, an image, HTML or a clickable address: an
// unescaped "](", "![", '<' before a letter, or an address outside a code span. "" if none.
std::string live_markdown(const std::string& md) {
    const std::string text = "\n" + md;
    for (const char* pattern : {R"([^\\]\]\()", R"(!\[)", R"([^\\]<[A-Za-z])", R"([^`](https?://|www\.))"}) {
        std::smatch found;
        if (std::regex_search(text, found, std::regex{pattern})) return found.str();
    }
    return {};
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

std::size_t count_of(const std::string& text, const std::string& part) {
    std::size_t count = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++count;
    return count;
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
    CHECK(stages[k_brainstorm]["result_shown"] == true);
    const auto& ideas = stages[k_brainstorm]["notes"];
    REQUIRE(ideas.size() == 2);
    CHECK(ideas[0]["dots"] == 3);
    CHECK(ideas[0]["place"] == 1);
    CHECK(ideas[0]["chosen"] == true);
    CHECK(session.as(ExportFormat::Json).find("phone-key") == std::string::npos);  // no secrets
}

TEST_CASE("The CSV export parses into one row per contribution, formulas made inert") {
    const FinishedSession session;
    const auto csv = session.as(ExportFormat::Csv);
    CHECK(csv.rfind(k_bom + "\"Fase-id\";\"Fase\";", 0) == 0);  // Dutch spreadsheets split at ';'
    const auto rows = parse_csv(csv);
    REQUIRE(rows.size() == 1 + 5 + 3);  // header, answer, fact, two ideas, a constraint; the AI text a row a paragraph
    for (const auto& row : rows) CHECK(row.size() == 9);
    CHECK(rows[0][5] == "Tekst");
    CHECK(rows[2][0] == "analyse");
    CHECK(rows[2][5] == "'" + k_hostile);  // a leading '=' would run as a spreadsheet formula
    CHECK(rows[3][6] == "3");
    CHECK(rows[3][8] == "gekozen");
    CHECK(csv.find("\r\n") != std::string::npos);
    CHECK(count_of(csv, "\n") == count_of(csv, "\r\n") + 1);  // only the AI list's line break sits inside a field
}

TEST_CASE("A CSV field cannot start a formula after any separator, in Dutch (semicolon) and English (comma)") {
    const FinishedSession session;
    auto view = session.engine.view();
    view.notes.at(0).text = "a;=1+1,@SUM(A1)\n-2";
    for (const auto& [language, separator] : {std::pair{std::string{"nl"}, ';'}, std::pair{std::string{"en"}, ','}}) {
        const auto csv = export_of(view, ExportFormat::Csv, language);
        CHECK(csv.rfind(k_bom + "\"", 0) == 0);
        const auto rows = parse_csv(csv, separator);
        REQUIRE(rows.size() == 9);
        CHECK(rows[0].size() == 9);
        CHECK(rows[1][5] == "a;'=1+1,'@SUM(A1)\n'-2");
        for (const auto& piece : split_anywhere(csv, ";,|\t\r\n")) {
            INFO(language << ": " << piece);
            CHECK_FALSE(starts_formula(piece));
        }
    }
    CHECK(export_of(view, ExportFormat::Csv, "en").rfind(k_bom + "\"Stage id\",\"Stage\",", 0) == 0);
}

TEST_CASE("No export names a participant by number, a first name only when the room shows names") {
    const FinishedSession session;
    auto view = session.engine.view();
    view.participants.at(0).name = "Anna";
    const auto json_text = export_of(view, ExportFormat::Json);
    CHECK(json_text.find("\"participant\"") == std::string::npos);
    CHECK(json_text.find("\"author\"") == std::string::npos);
    const auto parsed = nlohmann::json::parse(json_text);  // a range-for over a temporary's member would dangle
    for (const auto& stage : parsed.at("stages"))
        for (const auto& note : stage.at("notes")) {
            CHECK_FALSE(note.contains("participant"));
            CHECK_FALSE(note.contains("name"));
        }
    // The authors, in the order of the CSV's rows: no column holds these numbers.
    const std::vector<std::string> authors{"1", "2", "1", "2", "3"};
    const auto rows = parse_csv(export_of(view, ExportFormat::Csv));
    for (std::size_t column = 0; column < rows[0].size(); ++column) {
        std::vector<std::string> values;
        for (std::size_t row = 1; row <= authors.size(); ++row) values.push_back(rows[row][column]);
        CHECK(values != authors);
    }
    for (const auto format : {ExportFormat::Markdown, ExportFormat::Json, ExportFormat::Csv, ExportFormat::Html})
        CHECK(export_of(view, format).find("Anna") == std::string::npos);

    const auto named = nlohmann::json::parse(export_of(view, ExportFormat::Json, "nl", true));
    CHECK(named.at("stages").at(0).at("notes").at(0).at("name") == "Anna");
    CHECK(export_of(view, ExportFormat::Markdown, "nl", true).find("- Een klant bedankte me (Anna)") != std::string::npos);
}

TEST_CASE("While the dots are being placed no export shows a count, a place or a choice, after the result they are there") {
    SessionWalk walk;
    walk.walk_into_vote();
    REQUIRE(walk.engine.view().parts.at(k_brainstorm) == Part::Vote);
    REQUIRE(walk.engine.view().voters(k_brainstorm) == 2);

    const auto json = nlohmann::json::parse(walk.as(ExportFormat::Json));
    const auto& stage = json.at("stages").at(k_brainstorm);
    CHECK(stage.at("result_shown") == false);
    CHECK(stage.at("chosen_by").is_null());
    for (const auto& note : stage.at("notes")) {
        CHECK_FALSE(note.contains("dots"));
        CHECK_FALSE(note.contains("place"));
        CHECK_FALSE(note.contains("chosen"));
    }
    for (const auto& row : parse_csv(walk.as(ExportFormat::Csv))) {
        REQUIRE(row.size() == 9);
        if (row[0] == "brainstorm") CHECK((row[6].empty() && row[7].empty() && row[8].empty()));
    }
    const auto md = walk.as(ExportFormat::Markdown);
    const auto html = walk.as(ExportFormat::Html);
    for (const auto* text : {&md, &html}) {
        CHECK(text->find("stip") == std::string::npos);
        CHECK(text->find("Uitslag van de stemming") == std::string::npos);
        CHECK(text->find("De uitslag van de stemming is niet getoond.") != std::string::npos);
    }
    CHECK(html.find("class=\"dots\"") == std::string::npos);
    CHECK(html.find("class=\"chosen\"") == std::string::npos);

    walk.send(Event{EventKind::Next});  // the result
    REQUIRE(walk.engine.view().parts.at(k_brainstorm) == Part::Results);
    CHECK(nlohmann::json::parse(walk.as(ExportFormat::Json)).at("stages").at(k_brainstorm).at("notes").at(0).at("dots") == 3);
    CHECK(walk.as(ExportFormat::Markdown).find("1\\. **Gedeeld bord** — 3 stippen") != std::string::npos);
    CHECK(parse_csv(walk.as(ExportFormat::Csv)).at(3).at(6) == "3");
    CHECK(walk.as(ExportFormat::Html).find("— 1 stip</span>") != std::string::npos);
}

TEST_CASE("A decision the room never saw decided is in no export") {
    const FinishedSession session;
    auto view = session.engine.view();
    view.parts.at(static_cast<std::size_t>(view.validation_step())) = Part::Vote;  // as if time ran out while deciding
    CHECK_FALSE(nlohmann::json::parse(export_of(view, ExportFormat::Json)).at("validation").contains("decision"));
    CHECK(export_of(view, ExportFormat::Markdown).find("Besluit: ") == std::string::npos);
    CHECK_FALSE(store::week_session(view, 1, "2026-11-23 09:00", 60).decision);
    CHECK(export_of(view, ExportFormat::Markdown).find("Haalbaarheid — 1:0 2:0 3:0 4:1 5:1 (gemiddeld 4,5)") != std::string::npos);
}

TEST_CASE("The HTML export is a well-formed page that shows markup as text and may load nothing") {
    const FinishedSession session;
    const auto html = session.as(ExportFormat::Html);
    CHECK(balanced_html(html));
    CHECK(html.find("<script>") == std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;") != std::string::npos);
    CHECK(html.find("Leerruimte &lt;Vitaal&gt;") != std::string::npos);
    CHECK(html.find("<li value=\"1\" class=\"chosen\">Gedeeld bord <span class=\"dots\">— 3 stippen</span></li>") != std::string::npos);
    CHECK(html.find("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
                    "img-src data:; base-uri 'none'; form-action 'none'\">") != std::string::npos);
    CHECK(html.find("<meta name=\"referrer\" content=\"no-referrer\">") != std::string::npos);
}

TEST_CASE("The Markdown export reads as a summary and escapes only what would change its meaning") {
    const FinishedSession session;
    const auto md = session.as(ExportFormat::Markdown);
    CHECK(md.rfind("# Test — Leerruimte \\<Vitaal\\>\n", 0) == 0);
    CHECK(md.find("Sessie van 2026-11-23 09:00, 3 deelnemers.") != std::string::npos);
    CHECK(md.find("## Titel brainstorm") != std::string::npos);
    CHECK(md.find("1\\. **Gedeeld bord** — 3 stippen") != std::string::npos);
    CHECK(md.find("<script>") == std::string::npos);
    CHECK(md.find("\\<script\\>alert('x')\\</script\\>") != std::string::npos);
    CHECK(md.find("\\=SUM(A1) | \"quoted\", comma; ") != std::string::npos);  // '=' only at a line's start
    CHECK(md.find("\\*stars\\* \\[link\\](`http://x`)") != std::string::npos);
    CHECK(md.find("\\-") == std::string::npos);
    CHECK(live_markdown(md).empty());
}

TEST_CASE("Links, images and raw HTML from a note or the AI text stay plain text in Markdown and HTML") {
    const FinishedSession session;
    auto view = session.engine.view();
    view.notes.at(0).text = k_links;
    view.proposal.versions.at(0).text = "Zie " + k_links;
    const auto md = export_of(view, ExportFormat::Markdown);
    INFO(md);
    CHECK(live_markdown(md).empty());
    CHECK(md.find("> Zie klik (`http://evil.example/x`) (`http://evil.example/i.png`) \\<img src=x\\> `http://evil.example`") !=
          std::string::npos);
    // The check would catch what it looks for.
    CHECK_FALSE(live_markdown("see [klik](http://evil.example/x)").empty());
    CHECK_FALSE(live_markdown("![](http://evil.example/i.png)").empty());
    CHECK_FALSE(live_markdown("a <img src=x>").empty());
    CHECK_FALSE(live_markdown("<http://evil.example>").empty());
    CHECK_FALSE(live_markdown("see http://evil.example").empty());

    const auto html = export_of(view, ExportFormat::Html);
    CHECK(html.find("<a ") == std::string::npos);
    CHECK(html.find("<img") == std::string::npos);
    CHECK(html.find("href") == std::string::npos);
    CHECK(html.find("<p>Zie klik (<code>http://evil.example/x</code>) (<code>http://evil.example/i.png</code>) &lt;img src=x&gt; "
                    "<code>http://evil.example</code></p>") != std::string::npos);
    CHECK(html.find("<li>[klik](http://evil.example/x) ![](http://evil.example/i.png) &lt;img src=x&gt; &lt;http://evil.example&gt;</li>") !=
          std::string::npos);
    CHECK(balanced_html(html));
    CHECK(nlohmann::json::parse(export_of(view, ExportFormat::Json)).at("stages").at(0).at("notes").at(0).at("text") == k_links);
}

TEST_CASE("A model's Markdown keeps its form while links, images and HTML become text") {
    CHECK(store::ai_markdown_as_markdown("Zie [de gids](http://x.example/a) en **dit**.") == "Zie de gids (`http://x.example/a`) en **dit**.\n");
    CHECK(store::ai_markdown_as_markdown("<div>\n<b>x</b>\n</div>") == "\\<div\\>\n\\<b\\>x\\</b\\>\n\\</div\\>\n");
    CHECK(store::ai_markdown_as_html("![grafiek](http://x.example/g.png)") == "<p>grafiek (<code>http://x.example/g.png</code>)</p>\n");
    CHECK(store::ai_markdown_as_html("<a@b.example> www.b.example") == "<p><code>a@b.example</code> <code>www.b.example</code></p>\n");
}

TEST_CASE("Addresses are found the way viewers find them, their closing punctuation left out") {
    const auto runs = store::address_runs("zie (www.x.nl), mail a.b@c.nl. of http://d.nl/e?f=1). 2026-W48 8:30");
    std::vector<std::string> addresses;
    for (const auto& run : runs)
        if (run.address) addresses.emplace_back(run.text);
    CHECK(addresses == std::vector<std::string>{"www.x.nl", "a.b@c.nl", "http://d.nl/e?f=1"});
    // GitHub links "http://" after any character that is not a letter: so must we find it.
    addresses.clear();
    for (const auto& run : store::address_runs("1http://a.nl -https://b.nl x.http://c.nl"))
        if (run.address) addresses.emplace_back(run.text);
    CHECK(addresses == std::vector<std::string>{"http://a.nl", "https://b.nl", "x.http://c.nl"});
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
    CHECK(html.find("<img") == std::string::npos);                     // raw HTML shown as text
    CHECK(html.find("checklist &lt;img src=x onerror=alert(1)&gt;.") != std::string::npos);
    CHECK(html.find("(0 klopt, 0 vraag, 1 risico)") != std::string::npos);
    CHECK(html.find("&lt;&lt;&lt;DATA-x BEGIN facts&gt;&gt;&gt;") != std::string::npos);

    const auto md = session.as(ExportFormat::Markdown);
    CHECK(md.find("### AI-voorstel (model: llama3)") != std::string::npos);
    CHECK(md.find("> Een **vaste** checklist \\<img src=x onerror=alert(1)\\>.") != std::string::npos);
    CHECK(md.find("> _(0 klopt, 0 vraag, 1 risico)_") != std::string::npos);

    const auto rows = parse_csv(session.as(ExportFormat::Csv));
    const auto ai_rows = std::count_if(rows.begin(), rows.end(), [](const auto& row) { return row.size() > 4 && row[4] == "AI-voorstel (model: llama3)"; });
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
    CHECK(md.find("Besluit: Doen") != std::string::npos);
    CHECK(md.find("Eigenaar: Teamcoördinator") != std::string::npos);
    // People read dates in the room's language; JSON and CSV keep ISO for tools.
    CHECK(md.find("Terugkijken: ma 7 december") != std::string::npos);
    CHECK(session.as(ExportFormat::Html).find("ma 7 december") != std::string::npos);
    CHECK(md.find("2026-12-07") == std::string::npos);
    CHECK(md.find("Werksituatie: De overdracht van 8:30") != std::string::npos);
}

TEST_CASE("An English room gets its exports in English") {
    const FinishedSession session;
    const auto md = session.as(ExportFormat::Markdown, "en");
    CHECK(md.find("Session of 2026-11-23 09:00, 3 participants.") != std::string::npos);
    CHECK(md.find("**Result of the vote**") != std::string::npos);
    CHECK(md.find("1\\. **Gedeeld bord** — 3 dots") != std::string::npos);
    CHECK(md.find("### AI proposal (model: llama3)") != std::string::npos);
    CHECK(md.find("Decision: Do it") != std::string::npos);
    CHECK(md.find("(mean 4.5)") != std::string::npos);
    CHECK(session.as(ExportFormat::Html, "en").find("<html lang=\"en\">") != std::string::npos);
    CHECK(parse_csv(session.as(ExportFormat::Csv, "en"), ',').at(0).at(5) == "Text");
}

TEST_CASE("The report's texts load in Dutch and in English") {
    for (const auto& key : Strings::required_keys()) {
        if (key.rfind("report_", 0) != 0) continue;
        INFO(key);
        CHECK(room_config("nl").strings.text(key) != key);
        CHECK(room_config("en").strings.text(key) != key);
    }
    CHECK(room_config("nl").strings.text("report_sessions_one") == "1 sessie");
    CHECK(room_config("en").strings.text("report_sessions_one") == "1 session");
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
    const auto week_md = store::export_week("2026-W48", {held}, "Leerruimte", ExportFormat::Markdown, room_language("nl"));
    CHECK(week_md.find("ma 7 december") != std::string::npos);
    const auto csv = store::export_week("2026-W48", {held}, "Leerruimte", ExportFormat::Csv, room_language("nl"));
    CHECK(csv.find("\"Doen\";\"Teamcoördinator\";\"2026-12-07\"") != std::string::npos);
    CHECK(parse_csv(csv).at(1).at(0) == "1");
}

TEST_CASE("The week export speaks the room's language, one session or more, and escapes no hyphen") {
    const FinishedSession session;
    const auto held = store::week_session(session.engine.view(), 1, "2026-11-23 09:00", 60);
    const auto one = store::export_week("2026-W48", {held}, "Leerruimte", ExportFormat::Markdown, room_language("nl"));
    CHECK(one.rfind("# Leerruimte — 2026-W48\n", 0) == 0);
    CHECK(one.find("1 sessie, 60 minuten, 5 bijdragen, 1 besluit met een eigenaar") != std::string::npos);
    CHECK(one.find("- 2026-11-23 09:00, Test, 60 min, 3 deelnemers, 5 bijdragen: Gedeeld bord → Doen, Teamcoördinator, ma 7 december") !=
          std::string::npos);
    CHECK(one.find("\\-") == std::string::npos);
    const auto two = store::export_week("2026-W48", {held, held}, "Leerruimte", ExportFormat::Markdown, room_language("nl"));
    CHECK(two.find("2 sessies, 120 minuten, 10 bijdragen, 2 besluiten") != std::string::npos);
    CHECK(store::export_week("2026-W48", {}, "Leerruimte", ExportFormat::Markdown, room_language("nl")).find("0 sessies") != std::string::npos);
    const auto english = store::export_week("2026-W48", {held}, "Leerruimte", ExportFormat::Markdown, room_language("en"));
    CHECK(english.find("1 session, 60 minutes, 5 contributions, 1 decision with an owner") != std::string::npos);
    const auto html = store::export_week("2026-W48", {held, held}, "Leerruimte", ExportFormat::Html, room_language("nl"));
    CHECK(balanced_html(html));
    CHECK(html.find("Content-Security-Policy") != std::string::npos);
    CHECK(html.find("<th>Probleemstelling</th>") != std::string::npos);
    auto risky = held;
    risky.headline = "=HYPERLINK(\"http://x\")";
    const auto csv = store::export_week("2026-W48", {risky}, "Leerruimte", ExportFormat::Csv, room_language("en"));
    CHECK(parse_csv(csv, ',').at(1).at(2) == "Test");  // the session's format
    CHECK(parse_csv(csv, ',').at(1).at(5) == "'=HYPERLINK(\"http://x\")");
}

TEST_CASE("A session's exports and its record list the surprise cards it showed, in the stage that showed them") {
    const FinishedSession session;
    View view = session.engine.view();
    view.cards_shown.push_back({3, CardKind::Quote, "Elk nadeel heb z'n voordeel.", "Johan Cruijff"});
    const auto recorded = store::view_from_record(store::outcome_record(view));  // the record keeps them
    REQUIRE(recorded.cards_shown.size() == 1);
    const auto md = export_of(recorded, ExportFormat::Markdown);
    CHECK(md.find("> **Verrassingskaart (citaat)**: Elk nadeel heb z'n voordeel. — Johan Cruijff") != std::string::npos);
    const auto json = nlohmann::json::parse(export_of(recorded, ExportFormat::Json, "en"));
    CHECK(json.at("videoframe") == "werksituatie");
    const auto& cards = json.at("stages").at(3).at("surprise_cards");
    REQUIRE(cards.size() == 1);
    CHECK(cards.at(0).at("kind") == "quote");
    CHECK(cards.at(0).at("by") == "Johan Cruijff");
    const auto csv = parse_csv(export_of(recorded, ExportFormat::Csv));
    CHECK(std::any_of(csv.begin(), csv.end(), [](const auto& row) {
        return row.size() > 5 && row[4] == "Verrassingskaart (citaat)" && row[5] == "Elk nadeel heb z'n voordeel. — Johan Cruijff";
    }));
    CHECK(export_of(recorded, ExportFormat::Html).find("<blockquote class=\"card\"><strong>Verrassingskaart (citaat)</strong>") != std::string::npos);
}
