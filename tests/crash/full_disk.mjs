// A data folder that runs out of room (the kiosk runs under `ulimit -f`): phones keep adding
// ideas until the journal cannot write; from then on they are told "not saved" (503), the
// screen shows the red band, and after a restart with room again every idea that was
// acknowledged is there exactly once.
// Usage: node full_disk.mjs KIOSK CONFIG_DIR DATA_DIR PORT WORK_DIR LIMIT_KB
import http from 'node:http';
import { spawn, execFileSync } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';

const [kioskBinary, configDir, dataDir, port, work, limitKb] = process.argv.slice(2);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const failures = [];
let passed = 0;
const check = (ok, what) => { if (ok) passed++; else { failures.push(what); console.log('FAIL: ' + what); } };

function request(method, path, body) {
  return new Promise((resolve) => {
    const data = body ? JSON.stringify(body) : '';
    const req = http.request({ host: '127.0.0.1', port, path, method, agent: false,
      headers: body ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(data) } : {} }, (res) => {
      let text = '';
      res.on('data', (c) => { text += c; });
      res.on('end', () => resolve({ status: res.statusCode, body: text }));
    });
    req.on('error', () => resolve({ status: 0, body: '' }));
    req.end(data);
  });
}

let kiosk = null, log = '';
async function start(limited) {
  log = `${work}/kiosk-${limited ? 'full' : 'roomy'}.log`;
  const out = openSync(log, 'w');
  const command = limited ? `ulimit -f ${limitKb}; exec "$0" "$@"` : 'exec "$0" "$@"';
  kiosk = spawn('bash', ['-c', command, kioskBinary, '--config', configDir, '--data', dataDir, '--port', port],
                { stdio: ['ignore', out, out] });
  for (let i = 0; i < 200; i++) {
    if ((await request('GET', '/app.css')).status === 200) return;
    await sleep(25);
  }
  throw new Error('the kiosk did not come up; see ' + log);
}
async function shown(scene) {
  for (let i = 0; i < 200; i++) {
    const lines = readFileSync(log, 'utf8').split('\n').filter((l) => l.includes('showing'));
    if (lines.length && lines[lines.length - 1].endsWith('showing ' + scene)) return;
    await sleep(25);
  }
  throw new Error('the kiosk did not show ' + scene);
}
const key = (name) => execFileSync('xdotool', ['key', name]);

try {
  await start(true);
  await shown('idle');
  key('Return');
  await shown('lobby');
  await sleep(300);
  execFileSync('import', ['-window', 'root', `${work}/lobby.png`]);
  const url = execFileSync('zbarimg', ['-q', '--raw', `${work}/lobby.png`], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  const token = url.split('/j/')[1];
  const phones = [];
  for (let i = 0; i < 30; i++) phones.push(JSON.parse((await request('POST', '/api/join', { token })).body).key);
  key('F5');
  await shown('checkin');
  for (const scene of ['analyse', 'probleemstelling', 'probleemstelling-vote', 'probleemstelling-results', 'brainstorm']) {
    key('Next');
    await shown(scene);
  }

  const acknowledged = new Set();
  let refused = null;
  for (let n = 0; n < 600 && !refused; n++) {
    // Trimmed as the kiosk trims, so the text comes back exactly.
    const text = (`Idee ${n}: ` + 'een gedeeld bord met open terugbelverzoeken zodat niemand iets vergeet '.repeat(3)).slice(0, 270).trim();
    const reply = await request('POST', '/api/notes', { key: phones[n % phones.length], stage: 'brainstorm', text });
    if (reply.status === 201) acknowledged.add(text);
    else refused = reply;
  }
  check(refused && refused.status === 503, 'a full disk refuses with 503 (got ' + (refused && refused.status) + ')');
  check(refused && JSON.parse(refused.body).message.startsWith('Niet opgeslagen'), 'the phone is told "Niet opgeslagen"');
  check(acknowledged.size > 10, `some ideas were saved before the disk was full (${acknowledged.size})`);
  check(kiosk.exitCode === null, 'the kiosk keeps running when the disk is full');
  await sleep(400);
  execFileSync('import', ['-window', 'root', '-crop', '1920x100+0+0', '-negate', `${work}/band.png`]);
  const band = execFileSync('tesseract', [`${work}/band.png`, '-', '-l', 'nld'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString();
  check(band.includes('Opslaan lukt niet'), 'the screen says saving fails: ' + band.trim());

  // Room again: restart without the limit; everything acknowledged is there, once.
  const exited = new Promise((r) => kiosk.once('exit', r));
  kiosk.kill('SIGKILL');
  await exited;
  await start(false);
  const seen = new Map();
  for (const phone of phones) {
    const state = JSON.parse((await request('GET', '/api/state?key=' + phone)).body);
    for (const note of state.me.notes) seen.set(note.text, (seen.get(note.text) || 0) + 1);
  }
  let missing = 0;
  for (const text of acknowledged) if (seen.get(text) !== 1) missing++;
  check(missing === 0, `${missing} of ${acknowledged.size} acknowledged ideas missing or doubled after the restart`);
} catch (error) {
  check(false, 'the full-disk walk completed: ' + error.message);
} finally {
  if (kiosk && kiosk.exitCode === null) kiosk.kill('SIGKILL');
}
console.log(`full disk: ${passed} passed, ${failures.length} failed`);
process.exit(failures.length ? 1 : 0);
