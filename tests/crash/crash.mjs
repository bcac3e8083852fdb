// Crash recovery against the real kiosk: 8 phones (HTTP on 127.0.0.1) add ideas in bursts;
// the kiosk is killed with SIGKILL at 24 moments — between bursts and in the middle of them —
// and started again on the same port and data folder. After every restart each idea a phone
// was told was saved (HTTP 201) is there exactly once, the stage is the same, and the timer
// kept running in real time (±1 s).
// Usage: node crash.mjs KIOSK CONFIG_DIR DATA_DIR PORT WORK_DIR
import http from 'node:http';
import { spawn, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const [kioskBinary, configDir, dataDir, port, work] = process.argv.slice(2);
const agent = new http.Agent({ keepAlive: false });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const failures = [];
let passed = 0;
const check = (ok, what) => { if (ok) passed++; else { failures.push(what); console.log('FAIL: ' + what); } };

function request(method, path, body) {
  return new Promise((resolve) => {
    const data = body ? JSON.stringify(body) : '';
    const req = http.request({ host: '127.0.0.1', port, path, method, agent,
      headers: body ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(data) } : {} }, (res) => {
      let text = '';
      res.on('data', (c) => { text += c; });
      res.on('end', () => resolve({ status: res.statusCode, body: text }));
      res.on('error', () => resolve({ status: 0, body: '' }));
    });
    req.on('error', () => resolve({ status: 0, body: '' }));
    req.end(data);
  });
}

let kiosk = null;
let logIndex = 0;
let currentLog = '';
// Waits until the kiosk's log says it shows `scene`.
async function shown(scene) {
  for (let i = 0; i < 200; i++) {
    const lines = readFileSync(currentLog, 'utf8').split('\n').filter((l) => l.includes('showing'));
    if (lines.length && lines[lines.length - 1].endsWith('showing ' + scene)) return true;
    await sleep(25);
  }
  throw new Error('the kiosk did not show ' + scene);
}
async function start() {
  const log = `${work}/kiosk-${logIndex++}.log`;
  const out = (await import('node:fs')).openSync(log, 'w');
  kiosk = spawn(kioskBinary, ['--config', configDir, '--data', dataDir, '--port', port], { stdio: ['ignore', out, out] });
  currentLog = log;
  for (let i = 0; i < 200; i++) {
    if ((await request('GET', '/app.css')).status === 200) return log;
    await sleep(25);
  }
  throw new Error('the kiosk did not come up; see ' + log);
}
async function kill() {
  const exited = new Promise((r) => kiosk.once('exit', r));
  kiosk.kill('SIGKILL');
  await exited;
}
const key = (name) => execFileSync('xdotool', ['key', name]);
async function waitFor(done, what, ms = 5000) {
  for (let i = 0; i < ms / 25; i++) { if (await done()) return true; await sleep(25); }
  check(false, what);
  return false;
}

try {
  await start();
  await shown('idle');
  key('Return');
  await shown('lobby');
  await sleep(300);
  execFileSync('import', ['-window', 'root', `${work}/lobby.png`]);
  const url = execFileSync('zbarimg', ['-q', '--raw', `${work}/lobby.png`], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  const token = url.split('/j/')[1];
  check(token && token.length === 32, 'the join token is read from the QR: ' + url);

  const phones = [];
  for (let i = 0; i < 8; i++) phones.push(JSON.parse((await request('POST', '/api/join', { token })).body).key);
  const state = async (k) => {
    const reply = await request('GET', '/api/state?key=' + k);
    return reply.status === 200 ? JSON.parse(reply.body) : null;
  };
  key('F5');
  await shown('checkin');
  for (const scene of ['analyse', 'probleemstelling', 'probleemstelling-vote', 'probleemstelling-results', 'brainstorm']) {
    key('Next');
    await shown(scene);
  }
  await waitFor(async () => (await state(phones[0]))?.stage?.id === 'brainstorm', 'the room reached the brainstorm');
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
console.log(`crash recovery: ${passed} passed, ${failures.length} failed`);
process.exit(failures.length ? 1 : 0);
