#include "kiosk/core/decision.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace kiosk {

std::string_view to_string(DecisionKind kind) {
    switch (kind) {
    case DecisionKind::Do: return "doen";
    case DecisionKind::Adjust: return "aanpassen";
    case DecisionKind::Park: return "parkeren";
    }
    return "parkeren";
}

std::optional<DecisionKind> decision_from(std::string_view name) {
    for (const auto kind : {DecisionKind::Do, DecisionKind::Adjust, DecisionKind::Park})
        if (to_string(kind) == name) return kind;
    return std::nullopt;
}

std::optional<std::string_view> review_status(std::string_view name) {
    for (const std::string_view status : {"done", "running", "dropped"})
        if (status == name) return status;
    return std::nullopt;
}

std::vector<CriterionResult> criterion_results(const ValidationView& validation, std::size_t criteria,
                                               const DecisionRule& rule) {
    std::vector<CriterionResult> results(criteria);
    for (std::size_t c = 0; c < criteria; ++c) {
        auto& result = results[c];
        int low = 6, high = 0, sum = 0, weak = 0;
        for (const auto& [who, scores] : validation.scores) {
            if (c >= scores.size() || scores[c] < 1 || scores[c] > 5) continue;
            const int score = scores[c];
            ++result.counts[static_cast<std::size_t>(score - 1)];
            ++result.scored;
            sum += score;
            low = std::min(low, score);
            high = std::max(high, score);
            weak += score <= rule.weak_score ? 1 : 0;
        }
        if (result.scored == 0) continue;
        result.mean = static_cast<double>(sum) / result.scored;
        result.weak = weak * 2 > result.scored;
        result.spread = high - low >= 3;
    }
    return results;
}

DecisionKind propose_decision(const std::vector<CriterionResult>& results, bool objections, const DecisionRule& rule) {
    const auto weak = std::count_if(results.begin(), results.end(), [](const CriterionResult& r) { return r.weak; });
    if (weak > rule.adjust_max_weak) return DecisionKind::Park;
    if (weak > 0 || (objections && rule.objection_means_adjust)) return DecisionKind::Adjust;
    return DecisionKind::Do;
}

DecisionKind voted_decision(const std::map<int, DecisionKind>& votes, DecisionKind proposed) {
    std::map<DecisionKind, int> counts;
    for (const auto& [who, kind] : votes) ++counts[kind];
    int best = 0;
    for (const auto& [kind, count] : counts) best = std::max(best, count);
    if (best == 0 || counts[proposed] == best) return proposed;
    for (const auto kind : {DecisionKind::Park, DecisionKind::Adjust, DecisionKind::Do})
        if (counts[kind] == best) return kind;
    return proposed;
}

int parse_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return 0;
    int values[3] = {0, 0, 0};
    const std::size_t starts[3] = {0, 5, 8}, lengths[3] = {4, 2, 2};
    for (int part = 0; part < 3; ++part)
        for (std::size_t i = starts[part]; i < starts[part] + lengths[part]; ++i) {
            if (text[i] < '0' || text[i] > '9') return 0;
            values[part] = values[part] * 10 + (text[i] - '0');
        }
    const std::chrono::year_month_day date{std::chrono::year{values[0]}, std::chrono::month{static_cast<unsigned>(values[1])},
                                           std::chrono::day{static_cast<unsigned>(values[2])}};
    if (!date.ok() || values[0] < 2000 || values[0] > 2200) return 0;
    return values[0] * 10000 + values[1] * 100 + values[2];
}

int yyyymmdd(std::chrono::year_month_day date) {
    return static_cast<int>(date.year()) * 10000 + static_cast<int>(static_cast<unsigned>(date.month())) * 100 +
           static_cast<int>(static_cast<unsigned>(date.day()));
}

std::string format_date(int yyyymmdd) {
    if (yyyymmdd <= 0) return {};
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", yyyymmdd / 10000, yyyymmdd / 100 % 100, yyyymmdd % 100);
    return text;
}

}  // namespace kiosk
