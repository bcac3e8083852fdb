#pragma once
// What a session is made of, as loaded from config/: the timed steps (check-in and the five
// stages), the week's reflection questions, the framing questions and the criteria.
// Plain data; immutable once loaded and shared between threads by shared_ptr<const Content>.
#include <string>
#include <vector>

#include "kiosk/core/enum_names.hpp"

#include "kiosk/core/clock.hpp"
#include "kiosk/core/coffee.hpp"
#include "kiosk/core/decision.hpp"

namespace kiosk {

// What the phones may send during a step. The phone issue builds on these.
enum class Contribution { None, Answer, Facts, Statements, Ideas, Constraints, Scores };

// In kiosk's videoframe files ("contribute"), the outcome record and the phone page.
inline const EnumNames<Contribution>& contribution_names() {
    static const EnumNames<Contribution> names{{"none", Contribution::None},          {"answer", Contribution::Answer},
                                               {"facts", Contribution::Facts},        {"statements", Contribution::Statements},
                                               {"ideas", Contribution::Ideas},        {"constraints", Contribution::Constraints},
                                               {"scores", Contribution::Scores}};
    return names;
}

// A clip, picture or sound in a stage or on a surprise card ("media": [...] in a format file).
enum class MediaKind { Video, Image, Audio };
enum class MediaShow { Panel, Full };  // the stage's side column, or the screen under the stage bar
enum class MediaWhen { AtStart, OnKey, AfterMinutes };

inline const EnumNames<MediaKind>& media_kind_names() {
    static const EnumNames<MediaKind> names{{"video", MediaKind::Video}, {"image", MediaKind::Image}, {"audio", MediaKind::Audio}};
    return names;
}
inline const EnumNames<MediaShow>& media_show_names() {
    static const EnumNames<MediaShow> names{{"panel", MediaShow::Panel}, {"full", MediaShow::Full}};
    return names;
}

struct MediaItem {
    MediaKind kind = MediaKind::Video;
    std::string file;  // relative to the media folder (media/ beside the config, or kiosk.json's media_dir)
    MediaShow show = MediaShow::Panel;
    MediaWhen when = MediaWhen::AtStart;
    Millis after{0};   // with AfterMinutes: into the stage (or, on a card, into the card)
    std::string alt;   // the text alternative: what the clip, picture or sound shows or says
};

struct StepSpec {
    std::string id;                      // stable name, e.g. "analysis"; used in scene names
    std::string title;                   // "Analyse van de werksituatie"
    std::string goal;                    // one sentence shown under the title
    std::vector<std::string> questions;  // 2-3 guiding questions
    std::string phone_task;              // what to do on the phone now, in one line
    Contribution contribution = Contribution::None;
    int max_per_person = 0;  // contributions per participant (0 = no limit)
    int dots = 0;            // dots per participant for a dot vote (0 = no vote)
    Millis duration{0};
    // With a dot vote the step has three parts: write, vote, results. The vote opens when
    // vote_time + result_time are left (or earlier, when everyone is ready), the results show
    // when result_time is left (or when everyone has voted).
    Millis vote_time{std::chrono::minutes{2}};
    Millis result_time{std::chrono::minutes{2}};
    // The places the vote decides: 1 for a problem statement, 3 for ideas.
    int winners = 1;
    // A tie at a deciding place: how long phones have for the run-off (one dot each).
    Millis runoff_time{std::chrono::seconds{60}};
    std::vector<MediaItem> media;  // clips, pictures and sounds the stage shows

    bool takes_notes() const {
        return contribution == Contribution::Answer || contribution == Contribution::Facts ||
               contribution == Contribution::Statements || contribution == Contribution::Ideas ||
               contribution == Contribution::Constraints;
    }
    bool has_vote() const { return dots > 0 && takes_notes() && contribution != Contribution::Constraints; }
    // Steps in three parts: a dot vote (write, vote, results) or the validation (score,
    // decide, owner), with vote_time and result_time as the last two parts' lengths.
    bool has_parts() const { return has_vote() || contribution == Contribution::Scores; }
};

struct Criterion {
    std::string name;
    std::string description;
};

// A surprise card (a format's "surprises"): what kind of card, its text, and for a quote its author.
enum class CardKind { Question, Constraint, Role, Exercise, Quote };

inline const EnumNames<CardKind>& card_kind_names() {
    static const EnumNames<CardKind> names{{"question", CardKind::Question}, {"constraint", CardKind::Constraint},
                                           {"role", CardKind::Role},         {"exercise", CardKind::Exercise},
                                           {"quote", CardKind::Quote}};
    return names;
}

struct SurpriseCard {
    CardKind kind = CardKind::Question;
    std::string text;
    std::string by;  // a quote's author; "" otherwise
    std::vector<MediaItem> media;  // shown with the card
};

// One stage's pool: at `after` into the stage one card is drawn and stays `show` long.
struct SurprisePool {
    int step = 0;  // index into Content::steps (never the check-in)
    Millis after{0};
    Millis show{0};
    std::vector<SurpriseCard> cards;
};

// A format drafted with AI (--draft-videoframe) says so until a person makes it ready.
enum class FormatStatus { Draft, Ready };

inline const EnumNames<FormatStatus>& format_status_names() {
    static const EnumNames<FormatStatus> names{{"draft", FormatStatus::Draft}, {"ready", FormatStatus::Ready}};
    return names;
}

// The id of the one format of a config from before the library (config/videoframe.<lang>.json),
// and of the sessions that were recorded before formats had ids.
inline constexpr const char* k_first_format_id = "werksituatie";

// One videoframe: a session format of the library (config/videoframes/<id>.<lang>.json).
struct Content {
    std::string id = k_first_format_id;  // the same in every language; in the journal's facts
    std::string language;  // "nl" or "en"
    std::string title;     // name of the videoframe
    std::string summary;   // when to choose it (the lobby shows it)
    std::string goal;      // what the hour works towards (the AI prompt names it)
    std::string ai_brief;  // what the AI makes of the group's input in this format ("" = the prompt's own)
    FormatStatus status = FormatStatus::Ready;
    std::string drafted_with;  // "provider, model, date" of an AI draft; "" when written by people
    // Timed steps in order: steps[0] is the check-in, steps[1..] are the stages.
    std::vector<StepSpec> steps;
    std::vector<std::string> reflection_questions;  // one per week, rotating
    std::vector<std::string> framing_questions;     // the "didactisch kader"
    std::vector<Criterion> criteria;                // validation criteria, scored 1-5
    std::vector<SurprisePool> surprises;            // at most one pool per stage

    int stage_count() const { return static_cast<int>(steps.size()) - 1; }
    bool ready() const { return status == FormatStatus::Ready; }
    // Every media entry of the format, stages' and cards' alike, with where it is named.
    std::vector<std::pair<std::string, const MediaItem*>> media_items() const {
        std::vector<std::pair<std::string, const MediaItem*>> items;
        for (std::size_t s = 1; s < steps.size(); ++s)
            for (std::size_t m = 0; m < steps[s].media.size(); ++m)
                items.emplace_back("stages[" + std::to_string(s - 1) + "].media[" + std::to_string(m) + "]", &steps[s].media[m]);
        for (std::size_t p = 0; p < surprises.size(); ++p)
            for (std::size_t c = 0; c < surprises[p].cards.size(); ++c)
                for (std::size_t m = 0; m < surprises[p].cards[c].media.size(); ++m)
                    items.emplace_back("surprises[" + std::to_string(p) + "].cards[" + std::to_string(c) + "].media[" + std::to_string(m) + "]",
                                       &surprises[p].cards[c].media[m]);
        return items;
    }
    const SurprisePool* surprise_pool(int step) const {
        for (const auto& pool : surprises)
            if (pool.step == step) return &pool;
        return nullptr;
    }
};

// Rules for the timers that the room may tune in kiosk.json.
struct TimerRules {
    Millis extend_step{std::chrono::minutes{2}};  // what one "extend" adds
    Millis warning{std::chrono::seconds{60}};     // the last stretch shown in the warning colour
    Millis min_resume{std::chrono::minutes{1}};   // least time a step gets when returned to
};

// Rules for what phones may do, from kiosk.json's "phones".
struct SessionRules {
    int max_participants = 60;
    int max_text = 280;                   // characters (code points) per contribution
    int max_notes_per_step = 20;          // per participant when the stage sets no limit
    bool advance_when_all_ready = true;   // everyone ready: the stage (or its part) moves on
    bool show_names = false;              // the screen shows first names next to notes
    Millis host_offer{std::chrono::seconds{60}};  // how long the host QR stays valid
    // The AI stage: how long phones may add constraints before the prompt is sent (0: at once).
    Millis constraints_window{std::chrono::seconds{90}};
    DecisionRule decision{};  // how the validation stage proposes doen / aanpassen / parkeren
    // What one session's phones may make the journal hold, in bytes (phones.journal_budget_kb).
    // With the per-address limits it bounds what one device can cost the disk.
    std::size_t phone_budget = 4 * 1024 * 1024;
    CoffeeRules coffee{};  // the coffee corner's moderation and limits (kiosk.json "coffee")
};

}  // namespace kiosk
