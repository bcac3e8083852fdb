#pragma once
// The display's power at night: a PJLink command's round trip against the stand-in projector
// on 127.0.0.1 (connect, greeting, MD5 password, command, answer), and how long the screen's
// thread spends asking the worker to switch (it must not wait for the projector).
namespace kiosk::bench {

void bench_display_power(int commands);

}  // namespace kiosk::bench
