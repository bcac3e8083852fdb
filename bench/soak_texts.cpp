#include "bench/soak_texts.hpp"

#include <algorithm>

#include "kiosk/tools/demo_phones.hpp"

namespace kiosk::bench {

namespace {

const std::vector<std::string> k_names{"Anouk", "Bram", "Daan", "Emma", "Fleur", "Jesse",
                                       "Lotte", "Milan", "Noor", "Sanne", "Thijs", "Yara"};
// Said after a sample now and then.
const std::vector<std::string> k_more{
    "Dat zagen we deze week al twee keer.",
    "Vooral op maandagochtend, als het druk is.",
    "Volgens mij speelt dit al sinds de zomer.",
    "Het kost ons elke dag zeker een kwartier.",
    "Navragen bij de klant kost dan weer extra tijd, en dat merkt iedereen aan de wachttijd aan de telefoon.",
    "Ik weet niet of de nieuwe collega's dit ook zo ervaren.",
    "Misschien kunnen we dit eerst twee weken proberen.",
    "Daar hebben we het in het teamoverleg ook al eens over gehad, maar er is toen niets mee gebeurd."};
const std::vector<std::string> k_situations{
    "De overdracht van 8:30 tussen de vroege en de late dienst",
    "Terugbelverzoeken die tussen twee diensten blijven liggen",
    "Klantvragen die over meerdere dossiers verspreid zijn",
    "Het inwerken van nieuwe collega's op de klantenlijn",
    "Drukte op maandagochtend aan de telefoon"};
const std::vector<std::string> k_changes{
    "Eerst twee weken alleen in de ochtenddienst proberen.",
    "De checklist op het scherm zetten in plaats van op papier.",
    "Na een week samen kijken of de vijf vragen kloppen."};

std::size_t code_points(const std::string& text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

const std::string& nth(const std::vector<std::string>& list, int n) {
    return list[static_cast<std::size_t>(std::max(n, 0)) % list.size()];
}

}  // namespace

const std::vector<std::string>& SoakTexts::of(const std::string& kind) const {
    const auto found = samples.find(kind);
    return found != samples.end() && !found->second.empty() ? found->second : k_more;
}

SoakTexts load_soak_texts(const Config& config) {
    return {tools::load_demo_samples(config), tools::load_demo_proposal(config)};
}

std::string compose(std::mt19937& rng, const std::vector<std::string>& samples, std::size_t max_chars) {
    std::string text = samples[rng() % samples.size()];
    const auto roll = rng() % 8;
    if (const auto comma = text.find(','); roll == 0 && comma != std::string::npos) return text.substr(0, comma) + ".";
    for (int extra = roll < 4 ? 0 : (roll < 7 ? 1 : 2); extra > 0; --extra) {
        const auto& more = k_more[rng() % k_more.size()];
        if (code_points(text) + 1 + code_points(more) > max_chars) break;
        text += " " + more;
    }
    return text;
}

const std::string& first_name(int phone) { return nth(k_names, phone); }
const std::string& situation(int session) { return nth(k_situations, session); }
const std::string& proposal_change(int n) { return nth(k_changes, n); }

}  // namespace kiosk::bench
