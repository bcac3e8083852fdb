// The coffee corner's word list against the ways people get past one (issue 22, finding 2),
// and ordinary Dutch and English sentences that must pass.
#include <catch2/catch.hpp>

#include "kiosk/core/word_list.hpp"

using namespace kiosk;

namespace {

// The shipped lists (config/blocked-words.<lang>.txt), as far as these tests need them.
const WordList k_dutch{{"idioot", "klootzak", "kut", "lul", "sukkel", "tering", "debiel", "dom", "heel erg"}};
const WordList k_english{{"idiot", "moron", "stupid", "asshole", "shit", "ass"}};

}  // namespace

TEST_CASE("Dutch evasions of the word list are caught") {
    const char* evasions[] = {
        "Wat een idioot",
        "Wat een IDIOOT",
        "Wat een id\u200Bioot",            // a zero-width space inside
        "Wat een idi\u00ADoot",            // a soft hyphen inside
        "Wat een id\u2060ioot",            // a word joiner
        "Wat een \uFF49\uFF44\uFF49\uFF4F\uFF4F\uFF54",  // full-width letters
        "Wat een ídiöót",                  // accents
        "Wat een i\u0301dioot",            // a combining accent
        "Wat een 1d10ot",                  // digits for letters
        "Wat een 1d!00t",
        "Wat een k|ootzak",                // | for l
        "Wat een kl00tzak",
        "Wat een kl\u200Coo\u034Ftzak",
        "Jij $ukk3l",
        "Jij s u k k e l",                 // split by spaces
        "Jij s.u.k.k.e.l",                 // by dots
        "Jij s-u-k-k-e-l",                 // by dashes
        "Jij suk-kel",
        "Jij suk.kel!",
        "kuttt",                           // a letter held longer
        "Wat een idiooooot",
        "Wat een \u0456d\u0456\u043E\u043Et",  // Cyrillic look-alikes
        "\U0001D422\U0001D41D\U0001D422\U0001D428\U0001D428\U0001D42D",  // mathematical bold
        "Dat was HEEL    ERG",             // a phrase, spaced out
        "heel-erg slecht",
        "Ⓓⓞⓜ",                            // circled letters
        "Wat een idiøøt",                  // stroked letters
        "Wat een \u0406DIOOT",             // a Cyrillic capital I
        "\u041AU\u0422",                    // Cyrillic capitals К and Т
        "ik vind u k u t",                 // spaced letters after a one-letter word
        "Wat een DOM idee",
    };
    for (const char* text : evasions) {
        INFO(text);
        CHECK(k_dutch.found_in(text));
    }
}

TEST_CASE("English evasions of the word list are caught") {
    const char* evasions[] = {
        "what an idiot",   "what an 1d1ot",       "what an i\u200Cd\u200Diot", "what a m0r0n",
        "so STUP1D",       "so s t u p i d",      "so s.t.u.p.i.d",            "sh!t happens",
        "$hit happens",    "\uFF33\uFF28\uFF29\uFF34", "st\u00FCpid",           "what an a$$hole",   "what an @sshole",
        "what an ass-hole", "what an asshole!!!", "m\u043Er\u043En", "what a s h i t", "S\u03A4UP\u0399D",
    };
    for (const char* text : evasions) {
        INFO(text);
        CHECK(k_english.found_in(text));
    }
}

TEST_CASE("Ordinary sentences pass the word list (no Scunthorpe alarms)") {
    const char* dutch[] = {
        "Het domein van de klant",
        "Domme pech, de printer was stuk",
        "Ik las over Doom en Dominicus",
        "We waren lui na de lunch",        // lui is not lul
        "Het was erg druk, heel druk",
        "Kutaisi ligt in Georgië",
        "Een sukkelstraatje in het dorp",
        "De 3 ideeën van 10 uur",
        "Ik heb 1 vraag over punt 5",
        "Om 8 uur begon de dienst",
        "Een klant bedankte me, dat was fijn",
        "Goed idee! Laten we dat proberen.",
        "We deden een e-mail in één keer",
        "Een teringlijder in een roman uit 1900",  // a compound is its own word
        "Dat is de a.u.b. regel",
        "👩🏽\u200D💻 thuiswerken ging prima",
    };
    for (const char* text : dutch) {
        INFO(text);
        CHECK_FALSE(k_dutch.found_in(text));
    }
    const char* english[] = {
        "We met in Scunthorpe",
        "A classic class assignment",
        "The assessment passed",
        "Idiotic? No, idiosyncratic",
        "Shiitake for lunch",
        "Grass and brass",
        "Call me at 5 past 1",
        "Moroni is a city",
        "The team passed 3 tests at 10:00",
        "I felt stupendous",
    };
    for (const char* text : english) {
        INFO(text);
        CHECK_FALSE(k_english.found_in(text));
    }
}

TEST_CASE("Entries are folded like the text: case, accents and spaces in the file do not matter") {
    const WordList list{{"  Heel Erg  ", "ÉÉN woord"}};
    CHECK(list.found_in("het was heel erg"));
    CHECK(list.found_in("een woord"));
    CHECK_FALSE(list.found_in("heel"));
    CHECK_FALSE(WordList{}.found_in("wat dan ook"));
}
