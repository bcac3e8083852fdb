// Crash recovery against the real kiosk: 8 phones (HTTP on 127.0.0.1) add ideas in bursts;
// the kiosk is killed with SIGKILL at 24 moments — between bursts and in the middle of them —
// and started again on the same port and data folder. After every restart each idea a phone
// was told was saved (HTTP 201) is there exactly once, the stage is the same, and the timer
// kept running in real time (±1 s). Before the session the same for the coffee corner: phones
// answer and edit the week's question while the kiosk is killed 6 times; every answer a phone was
// told was saved is there after the restart (or a later edit of it that reached the disk).
// Usage: node crash.mjs KIOSK CONFIG_DIR DATA_DIR PORT WORK_DIR
import { checker, request as send, startKiosk, killKiosk, openSessionFromQr, walkToBrainstorm, sleep, coffeeTokenFromQr } from './kiosk_process.mjs';

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

// The coffee corner: 6 phones answer and edit; kill -9 between and during bursts.
async function coffeeCrashes() {
  const coffee = await coffeeTokenFromQr(log, work);
  check(coffee.length === 32, 'the coffee corner\'s week token is read from its QR');
  const keys = new Array(6).fill('');
  const sentTexts = keys.map(() => []);   // per phone, in the order sent
  const acked = new Array(6).fill(-1);    // per phone, the index of the last acknowledged text
  let n = 0;
  const burst = () => keys.map((k, i) => {
    const text = `Antwoord ${n++} van telefoon ${i}: de rust na de overdracht`;
    sentTexts[i].push(text);
    const index = sentTexts[i].length - 1;
    const body = { token: coffee, text };
    if (k) body.key = k;
    return request('POST', '/api/coffee/answer', body).then((reply) => {
      if (reply.status !== 200 && reply.status !== 201) return;
      keys[i] = JSON.parse(reply.body).key;
      acked[i] = Math.max(acked[i], index);
    });
  });
  for (let round = 0; round < 6; round++) {
    const pending = burst();
    if (round % 2 === 0) await Promise.all(pending);
    else await sleep(round * 3);
    await kill();
    await Promise.all(pending);
    await start();
    for (let i = 0; i < keys.length; i++) {
      if (acked[i] < 0 || !keys[i]) continue;
      const reply = await request('GET', `/api/coffee?token=${coffee}&key=${keys[i]}`);
      const text = reply.status === 200 ? JSON.parse(reply.body).answer?.text : undefined;
      const at = sentTexts[i].indexOf(text);
      check(at >= acked[i], `coffee round ${round}: phone ${i}'s acknowledged answer is there after kill -9 (found ${JSON.stringify(text)})`);
    }
  }
  console.log(`crash recovery: coffee corner ${acked.filter((a) => a >= 0).length} of 6 phones acknowledged, ${n} answers and edits sent over 6 kills`);
}

try {
  await start();
  await coffeeCrashes();
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
