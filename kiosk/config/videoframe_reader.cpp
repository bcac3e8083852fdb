#include "kiosk/config/videoframe_reader.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>
#include <tuple>

namespace kiosk {

namespace {

namespace fs = std::filesystem;

constexpr int k_max_stages = 8;

// What a stage may ask of phones ("contribute"): every contribution but the check-in's answer.
const EnumNames<Contribution>& stage_contributions() {
    static const EnumNames<Contribution> names = [] {
        auto all = contribution_names();
        std::erase_if(all, [](const auto& named) { return named.second == Contribution::Answer; });
        return all;
    }();
    return names;
}

bool is_id(const std::string& id) {
    return !id.empty() && id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string::npos;
}

// The file types each kind takes (README, "Media in a stage"): what the kiosk's libmpv is
// known to play on the room PC, and what --check-config's probe then checks inside the file.
bool extension_fits(MediaKind kind, std::string extension) {
    std::transform(extension.begin(), extension.end(), extension.begin(), [](unsigned char c) { return std::tolower(c); });
    switch (kind) {
    case MediaKind::Video: return extension == ".mp4" || extension == ".webm";
    case MediaKind::Image: return extension == ".png" || extension == ".jpg" || extension == ".jpeg";
    case MediaKind::Audio: return extension == ".mp3" || extension == ".ogg" || extension == ".opus";
    }
    return false;
}

const char* extensions_of(MediaKind kind) {
    switch (kind) {
    case MediaKind::Video: return ".mp4 or .webm (H.264 or VP9)";
    case MediaKind::Image: return ".png, .jpg or .jpeg";
    case MediaKind::Audio: return ".mp3, .ogg or .opus";
    }
    return "";
}

void read_media_file(ObjectReader& reader, MediaItem& item) {
    item.file = reader.text("file", std::nullopt, 200);
    if (item.file.empty()) return;
    const std::filesystem::path path{item.file};
    const bool escapes = std::any_of(path.begin(), path.end(), [](const std::filesystem::path& part) { return part == ".."; });
    if (path.is_absolute() || escapes)
        reader.problem("file", "\"" + item.file + "\" must be a path inside the media folder (no leading '/', no '..'); copy the file there");
    else if (!extension_fits(item.kind, path.extension().string()))
        reader.problem("file", "\"" + item.file + "\" is no " + name_of(item.kind, media_kind_names()) + " file the kiosk plays; use " +
                                   extensions_of(item.kind) + ", or change \"kind\"");
}

// "when": "at_start", "on_key" or {"after_minutes": N}, N within `length` (the stage's, or on a card
// the card's time on the screen).
void read_media_when(ObjectReader& reader, Millis length, MediaItem& item) {
    const Json* found = reader.raw("when");
    if (!found) return;
    if (found->is_object()) {
        ObjectReader when{*found, reader.file(), reader.path("when"), reader.problems()};
        const int minutes = when.integer("after_minutes", 0, 90);
        item.when = MediaWhen::AfterMinutes;
        item.after = std::chrono::minutes{minutes};
        if (item.after >= length && length > Millis{0})
            when.problem("after_minutes", "must be less than the " + std::to_string(length / std::chrono::minutes{1}) +
                                              " minutes it belongs to, or the media never shows");
        return;
    }
    const auto chosen = reader.choice("when", {"at_start", "on_key"}, "at_start");
    item.when = chosen == "on_key" ? MediaWhen::OnKey : MediaWhen::AtStart;
}

std::vector<MediaItem> read_media(ObjectReader& owner, Millis length) {
    std::vector<MediaItem> media;
    const std::string shape = "{ \"kind\": \"video\", \"file\": ..., \"alt\": ... }";
    owner.each_object("media", false, 0, 4, shape, [&](ObjectReader& reader, std::size_t) {
        MediaItem item;
        reader.read("kind", media_kind_names(), item.kind);
        read_media_file(reader, item);
        reader.read("show", media_show_names(), item.show);
        if (item.kind == MediaKind::Audio && item.show == MediaShow::Full)
            reader.problem("show", "a sound has no picture to fill the screen; remove \"show\" or use \"panel\"");
        read_media_when(reader, length, item);
        item.alt = reader.text("alt", std::nullopt, 300);
        media.push_back(std::move(item));
    });
    return media;
}

StepSpec read_step(ObjectReader& reader, bool is_checkin, Problems& problems) {
    StepSpec step;
    step.id = is_checkin ? "checkin" : reader.text("id", std::nullopt, 40);
    if (!is_checkin && !is_id(step.id)) reader.problem("id", "may hold only a-z, 0-9 and '-' (it names the scene)");
    step.title = reader.text("title", std::nullopt, 80);
    step.goal = reader.text("goal", std::nullopt, 240);
    if (!is_checkin) step.questions = reader.text_list("questions", 1, 4);
    step.phone_task = reader.text("phone_task", std::nullopt, 160);
    const auto problems_before = problems.lines().size();
    step.duration = std::chrono::minutes{reader.integer("minutes", 1, 90)};
    const bool minutes_sound = problems.lines().size() == problems_before;
    if (is_checkin) {
        step.contribution = Contribution::Answer;
        step.max_per_person = 1;
        return step;
    }
    reader.read("contribute", stage_contributions(), step.contribution);
    reader.read("max_per_person", 0, 20, step.max_per_person);
    reader.read("dots", 0, 10, step.dots);
    reader.read<std::chrono::minutes>("vote_minutes", 1, 30, step.vote_time);
    reader.read<std::chrono::minutes>("result_minutes", 1, 30, step.result_time);
    reader.read("winners", 1, 10, step.winners);
    reader.read<std::chrono::seconds>("runoff_seconds", 10, 600, step.runoff_time);
    step.media = read_media(reader, minutes_sound ? step.duration : Millis{0});
    if (step.dots > 0 && (!step.takes_notes() || step.contribution == Contribution::Constraints))
        reader.problem("dots", "only works with \"contribute\": \"statements\", \"ideas\" or \"facts\"; remove it or set it to 0");
    else if (step.has_parts() && minutes_sound && step.vote_time + step.result_time >= step.duration)
        reader.problem("minutes", "must be more than vote_minutes + result_minutes (" +
                                      std::to_string((step.vote_time + step.result_time) / std::chrono::minutes{1}) +
                                      "), so there is time to write (or score) before the vote");
    return step;
}

void read_steps(ObjectReader& top, const std::string& file, Problems& problems, Content& content) {
    if (const Json* checkin = top.object("checkin", true)) {
        ObjectReader reader{*checkin, file, "checkin", problems};
        content.steps.push_back(read_step(reader, true, problems));
    } else {
        content.steps.emplace_back();
    }
    std::set<std::string> ids;
    top.each_object("stages", true, 1, k_max_stages, "{ \"id\": ..., \"title\": ..., \"minutes\": ... }", [&](ObjectReader& item, std::size_t i) {
        const std::string where = "stages[" + std::to_string(i) + "]";
        content.steps.push_back(read_step(item, false, problems));
        if (!content.steps.back().id.empty() && !ids.insert(content.steps.back().id).second)
            problems.add(file, where + ".id", "\"" + content.steps.back().id + "\" is used by an earlier stage; give every stage its own id");
    });
}

void read_criteria(ObjectReader& top, Content& content) {
    top.each_object("criteria", true, 1, 12, "{ \"name\": ..., \"description\": ... }", [&](ObjectReader& item, std::size_t) {
        Criterion criterion;
        criterion.name = item.text("name", std::nullopt, 40);
        criterion.description = item.text("description", std::nullopt, 200);
        content.criteria.push_back(std::move(criterion));
    });
}

// The time a stage's card may take: the writing part of a stage with a vote or scores.
Millis writing_time(const StepSpec& step) {
    return step.has_parts() ? step.duration - step.vote_time - step.result_time : step.duration;
}

void read_cards(ObjectReader& pool_reader, SurprisePool& pool) {
    pool_reader.each_object("cards", true, 1, 12, "{ \"kind\": \"question\", \"text\": ... }", [&](ObjectReader& reader, std::size_t) {
        SurpriseCard card;
        reader.read("kind", card_kind_names(), card.kind);
        card.text = reader.text("text", std::nullopt, 200);
        card.by = reader.text("by", "", 60);
        if (!card.by.empty() && card.kind != CardKind::Quote)
            reader.problem("by", "names a quote's author; use it with \"kind\": \"quote\", or remove it");
        card.media = read_media(reader, pool.show);
        pool.cards.push_back(std::move(card));
    });
}

// `stages_sound`: the stages read without a problem; otherwise a pool's stage and timing are not
// checked against them (one mistake, one message).
void read_surprises(ObjectReader& top, bool stages_sound, Content& content) {
    const std::string shape = "{ \"stage\": ..., \"after_minutes\": ..., \"show_minutes\": ..., \"cards\": [...] }";
    top.each_object("surprises", false, 0, k_max_stages, shape, [&](ObjectReader& reader, std::size_t) {
        SurprisePool pool;
        const auto stage = reader.text("stage", std::nullopt, 40);
        const auto step = std::find_if(content.steps.begin() + 1, content.steps.end(), [&](const StepSpec& s) { return s.id == stage; });
        const int after = reader.integer("after_minutes", 1, 90, 1);
        const int show = reader.integer("show_minutes", 1, 10, 2);
        pool.after = std::chrono::minutes{after};
        pool.show = std::chrono::minutes{show};
        read_cards(reader, pool);
        if (!stages_sound) return;
        if (step == content.steps.end()) {
            if (!stage.empty()) reader.problem("stage", "\"" + stage + "\" is not a stage id of this file; name one of its stages");
            return;
        }
        pool.step = static_cast<int>(step - content.steps.begin());
        if (content.surprise_pool(pool.step))
            reader.problem("stage", "\"" + stage + "\" has a pool already; put all of a stage's cards in one pool");
        else if (pool.after + pool.show > writing_time(*step))
            reader.problem("after_minutes", "plus show_minutes (" + std::to_string(after + show) + ") must fit in the stage's " +
                                                std::to_string(writing_time(*step) / std::chrono::minutes{1}) +
                                                " minutes of writing, so the card is gone before the vote");
        content.surprises.push_back(std::move(pool));
    });
}

void read_format_fields(ObjectReader& top, const std::string& file, bool in_library, Problems& problems, Content& content) {
    if (in_library) {
        content.id = top.text("id", std::nullopt, 40);
        if (!content.id.empty() && !is_id(content.id))
            top.problem("id", "may hold only a-z, 0-9 and '-', e.g. \"innovatie\" (it names the file)");
        const auto status = top.choice("status", {"draft", "ready"});
        content.status = status == "ready" ? FormatStatus::Ready : FormatStatus::Draft;
    } else {
        content.id = top.text("id", std::string{k_first_format_id}, 40);
        top.read("status", format_status_names(), content.status);
    }
    content.summary = top.text("summary", in_library ? std::nullopt : std::optional<std::string>{""}, 200);
    content.goal = top.text("goal", "", 240);
    content.ai_brief = top.text("ai_brief", "", 400);
    if (const Json* drafted = top.object("drafted_with", false)) {
        ObjectReader reader{*drafted, file, "drafted_with", problems};
        const auto provider = reader.text("provider", std::nullopt, 40);
        const auto model = reader.text("model", "", 120);
        const auto date = reader.text("date", std::nullopt, 10);
        content.drafted_with = provider + (model.empty() ? "" : ", " + model) + ", " + date;
    }
}

}  // namespace

Content read_content(const Json& json, const std::string& file, const std::string& language, bool in_library,
                     Problems& problems) {
    Content content;
    content.language = language;
    if (!json.is_object()) {
        problems.add(file, "", "must hold one JSON object { ... } at the top level");
        return content;
    }
    ObjectReader top{json, file, "", problems};
    read_format_fields(top, file, in_library, problems, content);
    content.title = top.text("title", std::nullopt, 80);
    const auto before_steps = problems.lines().size();
    read_steps(top, file, problems, content);
    const bool stages_sound = problems.lines().size() == before_steps;
    content.reflection_questions = top.text_list("reflection_questions", 1, 53);
    content.framing_questions = top.text_list("framing_questions", 1, 20);
    read_criteria(top, content);
    read_surprises(top, stages_sound, content);
    return content;
}

namespace {

// The screens and the journal address stages by id and cards by place: a format's languages must
// agree on both. `file` is the other language's file, `reference_file` the first language's.
void check_same_shape(const Content& content, const Content& reference, const std::string& file,
                      const std::string& reference_file, Problems& problems) {
    if (content.steps.size() != reference.steps.size()) {
        problems.add(file, "stages", "has " + std::to_string(content.stage_count()) + " stages but " + reference_file + " has " +
                                         std::to_string(reference.stage_count()) + "; every language needs the same stages");
        return;
    }
    for (std::size_t i = 1; i < content.steps.size(); ++i)
        if (content.steps[i].id != reference.steps[i].id)
            problems.add(file, "stages[" + std::to_string(i - 1) + "].id",
                         "is \"" + content.steps[i].id + "\" but " + reference_file + " has \"" + reference.steps[i].id +
                             "\"; use the same ids in every language");
    const auto shape = [](const Content& c) {
        std::vector<std::tuple<int, long, long, std::size_t>> pools;
        for (const auto& pool : c.surprises) pools.emplace_back(pool.step, pool.after.count(), pool.show.count(), pool.cards.size());
        std::sort(pools.begin(), pools.end());
        return pools;
    };
    if (shape(content) != shape(reference))
        problems.add(file, "surprises", "differs from " + reference_file + "; every language needs the same pools (stage, " +
                                            "after_minutes, show_minutes) with as many cards, in the same order");
    if (content.criteria.size() != reference.criteria.size())
        problems.add(file, "criteria", "has " + std::to_string(content.criteria.size()) + " but " + reference_file + " has " +
                                           std::to_string(reference.criteria.size()) + "; scores are kept per criterion, so every language needs as many");
    if (content.status != reference.status)
        problems.add(file, "status", "differs from " + reference_file + "; a format is ready in every language or in none");
}

struct FormatFile {
    std::string id, language;
    fs::path path;
};

// config/videoframes/*.json, named <id>.<lang>.json.
std::vector<FormatFile> list_format_files(const fs::path& folder, const std::vector<std::string>& languages, Problems& problems) {
    std::vector<FormatFile> files;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(folder, error)) {
        const auto name = entry.path().filename().string();
        if (entry.path().extension() != ".json") continue;  // a README or a backup beside them
        const auto stem = entry.path().stem().string();  // "<id>.<lang>"
        const auto dot = stem.rfind('.');
        const auto language = dot == std::string::npos ? std::string{} : stem.substr(dot + 1);
        if (dot == std::string::npos || !is_id(stem.substr(0, dot)) ||
            std::find(languages.begin(), languages.end(), language) == languages.end()) {
            problems.add(entry.path().string(), "", "is not named <id>.<lang>.json (e.g. innovatie.nl.json, with a-z, 0-9 and '-' "
                                                    "in the id and nl or en as the language); rename it or move it out of videoframes/");
            continue;
        }
        files.push_back({stem.substr(0, dot), language, entry.path()});
    }
    if (error) problems.add(folder.string(), "", "cannot be read (" + error.message() + ")");
    std::sort(files.begin(), files.end(), [](const FormatFile& a, const FormatFile& b) { return a.path < b.path; });
    return files;
}

// Every format in every language, each language's formats with the same ids and shape.
using FormatsRead = std::map<std::string, std::map<std::string, std::pair<Content, fs::path>>>;  // language -> id -> read

bool only_drafts(const FormatsRead& formats, const std::string& id) {
    for (const auto& [language, by_id] : formats)
        if (const auto found = by_id.find(id); found != by_id.end() && found->second.first.ready()) return false;
    return true;
}

void check_every_language(const FormatsRead& formats, const std::set<std::string>& broken, const fs::path& folder,
                          const std::vector<std::string>& languages, Problems& problems) {
    std::set<std::string> ids;
    for (const auto& [language, by_id] : formats)
        for (const auto& [id, loaded] : by_id) ids.insert(id);
    for (const auto& id : ids) {
        if (broken.count(id)) continue;  // one mistake, one message: its own file's
        const std::pair<Content, fs::path>* reference = nullptr;
        for (const auto& language : languages) {
            const auto in_language = formats.find(language);
            const auto found = in_language == formats.end() ? nullptr : &in_language->second;
            if (!found || !found->count(id)) {
                if (only_drafts(formats, id)) continue;  // a fresh draft is written in one language first
                problems.add((folder / (id + "." + language + ".json")).string(), "",
                             "is missing: every format needs a file in every language (" + id + " has one in another language); "
                             "translate it, or remove the format's other files");
                continue;
            }
            const auto& loaded = found->at(id);
            if (!reference) reference = &loaded;
            else check_same_shape(loaded.first, reference->first, loaded.second.string(), reference->second.filename().string(), problems);
        }
    }
}

}  // namespace

namespace {

// From before the library: config/videoframe.<lang>.json, one format.
ReadLibraries read_single_files(const fs::path& dir, const std::vector<std::string>& languages, Problems& problems) {
    ReadLibraries result;
    std::map<std::string, std::pair<Content, fs::path>> read;
    for (const auto& language : languages) {
        const auto path = dir / ("videoframe." + language + ".json");
        const auto before = problems.lines().size();
        const auto json = read_json_file(path, problems);
        auto content = json ? read_content(*json, path.string(), language, false, problems) : Content{};
        if (json && problems.lines().size() == before) read.emplace(language, std::make_pair(std::move(content), path));
    }
    const auto* reference = read.count(languages.front()) ? &read.at(languages.front()) : nullptr;
    for (auto& [language, loaded] : read) {
        if (reference && &loaded != reference)
            check_same_shape(loaded.first, reference->first, loaded.second.string(), reference->second.filename().string(), problems);
        Library library;
        library.default_id = loaded.first.id;
        library.formats.push_back(std::make_shared<const Content>(loaded.first));
        result.by_language.emplace(language, std::move(library));
    }
    if (!read.empty())
        result.notes.push_back((dir / "videoframe.<lang>.json").string() + ": read as a library of one format (\"" +
                               read.begin()->second.first.id + "\"); to offer more formats, move each file to " +
                               (dir / "videoframes" / (read.begin()->second.first.id + ".<lang>.json")).string() +
                               " and add \"id\", \"summary\" and \"status\": \"ready\" (README: Videoframes)");
    return result;
}

// A language's library as the lobby uses it: at least one ready format, and kiosk.json's default among them.
Library library_of(std::map<std::string, std::pair<Content, fs::path>>& read, const std::string& default_id,
                   const fs::path& dir, const std::string& language, Problems& problems) {
    Library library;
    for (auto& [id, loaded] : read) library.formats.push_back(std::make_shared<const Content>(std::move(loaded.first)));
    if (!default_id.empty()) {
        library.default_id = default_id;
        const auto named = library.find(default_id);
        if (!named || !named->ready())
            problems.add((dir / "kiosk.json").string(), "videoframe",
                         "is \"" + default_id + "\", which is not a ready format in " + (dir / "videoframes").string() + " (" + language +
                             "); name one whose file says \"status\": \"ready\", or remove the key for \"" + k_first_format_id + "\"");
    }
    if (library.ready().empty())
        problems.add((dir / "videoframes").string(), "", "has no format with \"status\": \"ready\" in \"" + language +
                                                             "\"; the lobby offers only ready formats: review a draft and set its status to \"ready\"");
    return library;
}

}  // namespace

ReadLibraries read_libraries(const fs::path& dir, const std::vector<std::string>& languages, const std::string& default_id,
                             Problems& problems) {
    const auto folder = dir / "videoframes";
    std::error_code ignored;
    if (!fs::is_directory(folder, ignored)) {
        if (fs::exists(dir / ("videoframe." + languages.front() + ".json"), ignored)) return read_single_files(dir, languages, problems);
        problems.add(folder.string(), "", "no such folder: it holds the session formats, <id>.<lang>.json (the package installs "
                                          "them in /etc/vitale-kiosk/videoframes; the source tree has config/videoframes)");
        return {};
    }
    ReadLibraries result;
    for (const auto& language : languages)
        for (const auto* left : {".json", ".json.dpkg-bak"})  // the package keeps a changed one as .dpkg-bak
            if (const auto old = dir / ("videoframe." + language + left); fs::exists(old, ignored))
                result.notes.push_back(old.string() + ": no longer read, the library in videoframes/ is; move any changes of yours into " +
                                       (folder / (std::string{k_first_format_id} + "." + language + ".json")).string() + " and remove this file");
    const auto files = list_format_files(folder, languages, problems);
    if (files.empty()) problems.add(folder.string(), "", "holds no formats; put <id>.<lang>.json files in it (README: Videoframes)");
    FormatsRead formats;
    std::set<std::string> broken;
    std::set<std::string> broken_languages;
    for (const auto& file : files) {
        const auto before = problems.lines().size();
        const auto json = read_json_file(file.path, problems);
        auto content = json ? read_content(*json, file.path.string(), file.language, true, problems) : Content{};
        if (problems.lines().size() == before && content.id != file.id)
            problems.add(file.path.string(), "id", "is \"" + content.id + "\" but the file is named " + file.path.filename().string() +
                                                        "; the id and the file name must be the same");
        if (problems.lines().size() != before) {
            broken.insert(file.id);
            broken_languages.insert(file.language);
            continue;
        }
        formats[file.language].emplace(file.id, std::make_pair(std::move(content), file.path));
    }
    check_every_language(formats, broken, folder, languages, problems);
    for (const auto& language : languages)
        if (!broken_languages.count(language))
            result.by_language.emplace(language, library_of(formats[language], default_id, dir, language, problems));
    return result;
}

}  // namespace kiosk
