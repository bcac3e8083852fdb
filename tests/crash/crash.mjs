// Crash recovery against the real kiosk: 8 phones (HTTP on 127.0.0.1) add ideas in bursts;
// the kiosk is killed with SIGKILL at 24 moments — between bursts and in the middle of them —
// and started again on the same port and data folder. After every restart each idea a phone
// was told was saved (HTTP 201) is there exactly once, the stage is the same, and the timer
// kept running in real time (±1 s).
// Usage: node crash.mjs KIOSK CONFIG_DIR DATA_DIR PORT WORK_DIR
import { checker, request as send, startKiosk, killKiosk, openSessionFromQr, walkToBrainstorm, sleep } from './kiosk_process.mjs';

const [kioskBinary, configDir, dataDir, port, work] = process.argv.slice(2);
const { check, finish } = checker('crash recovery');
const request = (method, path, body) => send(port, method, path, body);
let kiosk = null;
let logIndex = 0;
let log = '';
async function start() {
  log = `${work}/kiosk-${logIndex++}.log`;
  kiosk = await startKiosk({ binary: kioskBinary, configDir, dataDir, port, log });
}
const kill = () => killKiosk(kiosk);

try {
  await start();
  const token = await openSessionFromQr(log, work);
  check(token && token.length === 32, 'the join token is read from the QR');

  const phones = [];
  for (let i = 0; i < 8; i++) phones.push(JSON.parse((await request('POST', '/api/join', { token })).body).key);
  const state = async (k) => {
    const reply = await request('GET', '/api/state?key=' + k);
    return reply.status === 200 ? JSON.parse(reply.body) : null;
  };
  await walkToBrainstorm(log);
  const brainstormStart = Date.now();
  const duration = (await state(phones[0])).timer.duration_ms;

  const acknowledged = new Map();  // text -> phone
  let sent = 0;
  const burst = (count) => {
    const list = [];
    for (let i = 0; i < count; i++) {
      const phone = phones[sent % phones.length];
      const text = `Idee ${sent++}: minder wachten, zodat klanten sneller geholpen zijn`;
      list.push(request('POST', '/api/notes', { key: phone, stage: 'brainstorm', text }).then((reply) => {
        if (reply.status === 201) acknowledged.set(text, phone);
      }));
    }
    return list;
  };

  for (let round = 0; round < 24; round++) {
    // Even rounds: kill between bursts. Odd rounds: kill while a burst is in flight, at a
    // different moment each time (0-21 ms after it starts).
    const pending = burst(round % 2 === 0 ? 3 : 6);
    if (round % 2 === 0) await Promise.all(pending);
    else await sleep((round * 7) % 22);
    await kill();
    await Promise.all(pending);
    await start();

    // Every acknowledged idea exactly once, in the right phone's own list.
    const seen = new Map();
    for (const phone of phones) {
      const s = await state(phone);
      if (!s) { check(false, `round ${round}: phone keeps its identity after the restart`); continue; }
      for (const note of s.me.notes) seen.set(note.text, (seen.get(note.text) || 0) + 1);
    }
    let missing = 0, doubled = 0;
    for (const text of acknowledged.keys()) if (!seen.has(text)) missing++;
    for (const count of seen.values()) if (count > 1) doubled++;
    check(missing === 0, `round ${round}: ${missing} acknowledged ideas missing after kill -9`);
    check(doubled === 0, `round ${round}: ${doubled} ideas present twice`);
    const s = await state(phones[0]);
    check(s.stage.id === 'brainstorm', `round ${round}: still the brainstorm after restart`);
    const expected = duration - (Date.now() - brainstormStart);
    check(Math.abs(s.timer.remaining_ms - expected) <= 1000,
          `round ${round}: remaining ${s.timer.remaining_ms} ms, expected ${expected} ms (±1 s)`);
  }
  console.log(`crash recovery: ${acknowledged.size} of ${sent} ideas acknowledged over 24 kills`);
} catch (error) {
  check(false, 'the crash walk completed: ' + error.message);
} finally {
  if (kiosk && kiosk.exitCode === null) kiosk.kill('SIGKILL');
}
finish();
