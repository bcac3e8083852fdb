// What the crash and full-disk tests share: HTTP to the kiosk on 127.0.0.1, starting and
// killing the real binary, waiting for the scene it logs, and the room's keys.
import http from 'node:http';
import { spawn, execFileSync } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function checker(label) {
  const failures = [];
  let passed = 0;
  return {
    check(ok, what) { if (ok) passed++; else { failures.push(what); console.log('FAIL: ' + what); } },
    finish() {
      console.log(`${label}: ${passed} passed, ${failures.length} failed`);
      process.exit(failures.length ? 1 : 0);
    },
  };
}

export function request(port, method, path, body) {
  return new Promise((resolve) => {
    const data = body ? JSON.stringify(body) : '';
    const req = http.request({ host: '127.0.0.1', port, path, method, agent: false,
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

// The kiosk as a child process, logging to `log`; `shell` wraps the command (e.g. ulimit).
export async function startKiosk({ binary, configDir, dataDir, port, log, shell = 'exec "$0" "$@"' }) {
  const out = openSync(log, 'w');
  const child = spawn('bash', ['-c', shell, binary, '--config', configDir, '--data', dataDir, '--port', port],
                      { stdio: ['ignore', out, out] });
  for (let i = 0; i < 200; i++) {
    if ((await request(port, 'GET', '/app.css')).status === 200) return child;
    await sleep(25);
  }
  throw new Error('the kiosk did not come up; see ' + log);
}

export async function killKiosk(child) {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}

// Waits until the kiosk's log says it shows `scene`.
export async function shown(log, scene) {
  for (let i = 0; i < 200; i++) {
    const lines = readFileSync(log, 'utf8').split('\n').filter((l) => l.includes('showing'));
    if (lines.length && lines[lines.length - 1].endsWith('showing ' + scene)) return;
    await sleep(25);
  }
  throw new Error('the kiosk did not show ' + scene);
}

export const key = (name) => execFileSync('xdotool', ['key', name]);

// Opens a session on the kiosk's keyboard and returns the join token read from its QR.
export async function openSessionFromQr(log, work) {
  await shown(log, 'idle');
  key('Return');
  await shown(log, 'lobby');
  await sleep(300);
  execFileSync('import', ['-window', 'root', `${work}/lobby.png`]);
  const url = execFileSync('zbarimg', ['-q', '--raw', `${work}/lobby.png`], { stdio: ['ignore', 'pipe', 'ignore'] })
    .toString().trim();
  return url.split('/j/')[1];
}

// Between sessions: waits for the coffee corner's question panel (it carries the week's answer
// link in its QR) and returns the week's token read from it; '' when it did not come in `seconds`.
export async function coffeeTokenFromQr(log, work, seconds = 30) {
  for (const until = Date.now() + seconds * 1000; Date.now() < until; await sleep(100)) {
    const turns = readFileSync(log, 'utf8').split('\n').filter((l) => l.includes('coffee corner shows'));
    if (!turns.length || !turns[turns.length - 1].endsWith('coffee-question')) continue;
    const shown = turns.length;
    await sleep(1000);  // past the cross-fade
    execFileSync('import', ['-window', 'root', `${work}/coffee.png`]);
    // The panel may have turned on meanwhile (on a loaded machine the question can be up for
    // only a moment): a picture without the QR waits for the question's next turn.
    let url = '';
    try {
      url = execFileSync('zbarimg', ['-q', '--raw', `${work}/coffee.png`], { stdio: ['ignore', 'pipe', 'ignore'] })
        .toString().trim();
    } catch {
      const now = readFileSync(log, 'utf8').split('\n').filter((l) => l.includes('coffee corner shows')).length;
      if (now === shown) throw new Error(`the coffee corner's question panel stood still but its QR did not decode (${work}/coffee.png)`);
    }
    if (url.includes('/k/')) return url.split('/k/')[1];
  }
  return '';
}

// From the lobby to the brainstorm with the room's keys.
export async function walkToBrainstorm(log) {
  key('F5');
  await shown(log, 'checkin');
  for (const scene of ['analyse', 'probleemstelling', 'probleemstelling-vote', 'probleemstelling-results', 'brainstorm']) {
    key('Next');
    await shown(log, scene);
  }
}
