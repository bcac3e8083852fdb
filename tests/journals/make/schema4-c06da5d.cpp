// Fixture driver for journal schema 4 (commit c06da5d): the sessions of schema3-265aa7b.cpp,
// with the hooks as this version's live_kiosk.cpp has them (facts journaled as they are settled,
// the outcome recorded with the close) and its start-up (record_history.cpp). make_fixture.sh
// copies the drivers of make/ beside this one.
//
// fixture-sources: kiosk/app/session_files.cpp kiosk/app/local_time.cpp kiosk/app/record_commands.cpp kiosk/app/record_history.cpp kiosk/app/command_line.cpp kiosk/app/config_location.cpp kiosk/app/coffee_week.cpp
// fixture-libs: kiosk_config kiosk_store kiosk_core kiosk_ai nlohmann_json::nlohmann_json SDL2::SDL2 SDL2_ttf::SDL2_ttf
#define FIXTURE_SCHEMA 4
#include "schema3-265aa7b.cpp"
