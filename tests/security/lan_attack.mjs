// Other devices on the kiosk's network, against the real kiosk: forged and malformed phone keys
// on every POST route the server declares (GET /api/strings → limits.fields), sent from
// 127.0.0.2, 127.0.0.3, … (all of 127.0.0.0/8 is loopback) while one real phone takes part.
// None may be accepted, answered with a 5xx, change what the room's screen shows, or grow the
// data folder; a closed session's keys stay dead in the next one; one address joins at most
// three people per session. Traffic goes to 127.0.0.1 only.
// Usage: node lan_attack.mjs PORT JOIN_URL KIOSK_LOG DATA_DIR OUT_DIR
// (the kiosk runs fullscreen under Xvfb in the lobby; DISPLAY is set; see lan_attack_test.sh)
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checker, sleep, key as press } from '../crash/kiosk_process.mjs';

const [port, joinUrl, log, dataDir, out] = process.argv.slice(2);
const { check, finish } = checker('lan_attack');
const started = Date.now();
let phase = 'start';
const say = (text) => console.log(`lan_attack [${((Date.now() - started) / 1000).toFixed(1)} s]: ${text}`);

// The whole walk is bounded: ctest gives the shell 240 s, of which the start takes a few.
setTimeout(() => { check(false, `the attack finished within 210 s (stuck in: ${phase})`); finish(); }, 210_000).unref();

// ---------------------------------------------------------------------------------------------
// HTTP from a chosen loopback source address to the kiosk on 127.0.0.1.

const hex = (n) => randomBytes(Math.ceil(n / 2)).toString('hex').slice(0, n);
const isKey = (k) => typeof k === 'string' && /^[0-9a-f]{32}$/.test(k);

function send(from, method, path, body) {
  return new Promise((resolve) => {
    const data = body === undefined ? '' : JSON.stringify(body);
    const headers = body === undefined ? {} : { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(data) };
    const req = http.request({ host: '127.0.0.1', port, path, method, agent: false, localAddress: from, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { text += c; });
      res.on('end', () => {
        let json = null;
        try { json = JSON.parse(text); } catch { /* not JSON */ }
        resolve({ status: res.statusCode, body: text, json });
      });
      res.on('error', () => resolve({ status: 0, body: '', json: null }));
    });
    req.setTimeout(15_000, () => req.destroy(new Error('timeout')));
    req.on('error', (e) => resolve({ status: 0, body: String(e.message), json: null }));
    req.end(data);
  });
}
const post = (from, path, body) => send(from, 'POST', path, body);
const get = (from, path) => send(from, 'GET', path);

// Runs the async `tasks` (functions) `width` at a time.
async function pool(tasks, width) {
  const results = new Array(tasks.length);
  let next = 0;
  const worker = async () => { while (next < tasks.length) { const i = next++; results[i] = await tasks[i](); } };
  await Promise.all(Array.from({ length: Math.min(width, tasks.length) }, worker));
  return results;
}

// ---------------------------------------------------------------------------------------------
// The room's screen: the scenes it logs ("vitale-kiosk: showing NAME") and screenshots.

const showingLines = () => readFileSync(log, 'utf8').split('\n').filter((l) => l.includes('showing'));
const scene = () => { const l = showingLines(); return l.length ? l[l.length - 1].replace(/^.*showing /, '') : ''; };
async function waitScene(name, ms = 5000) {
  for (const end = Date.now() + ms; Date.now() < end;) {
    if (scene() === name) return true;
    await sleep(50);
  }
  return scene() === name;
}
// Presses KEY and waits (≤ 5 s) for the screen to log another scene; returns it ('' if none).
async function pressForNewScene(name) {
  const before = showingLines().length;
  press(name);
  for (let i = 0; i < 100; i++) {
    if (showingLines().length > before) return scene();
    await sleep(50);
  }
  return '';
}
const screenshot = (name) => { const file = join(out, name + '.png'); execFileSync('import', ['-window', 'root', file]); return file; };
// Pixels that differ between two screenshots outside the timer corner (x11_session_test's
// 560×330+1340+50), which counts down by itself; -1 if compare failed.
function differingPixels(a, b) {
  const masked = [a, b].map((file) => {
    const m = file.replace(/\.png$/, '-masked.png');
    execFileSync('convert', [file, '-fill', 'black', '-draw', 'rectangle 1340,50 1900,380', m]);
    return m;
  });
  const r = spawnSync('compare', ['-metric', 'AE', masked[0], masked[1], 'null:'], { encoding: 'utf8' });
  const n = Number.parseFloat((r.stderr || '').trim());
  return Number.isFinite(n) ? n : -1;
}
function readQrToken(file) {
  const text = spawnSync('zbarimg', ['-q', '--raw', file], { encoding: 'utf8' }).stdout.trim();
  const m = text.match(new RegExp(`^http://127\\.0\\.0\\.1:${port}/j/([0-9a-f]{32})$`));
  return m ? m[1] : null;
}

// Every file under DIR (the journal with its -wal/-shm, exports, …) → its size.
function fileSizes(dir, into = new Map()) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) fileSizes(p, into);
    else { try { into.set(p, statSync(p).size); } catch { /* gone meanwhile (-shm, -journal) */ } }
  }
  return into;
}
const total = (sizes) => [...sizes.values()].reduce((a, b) => a + b, 0);

// ---------------------------------------------------------------------------------------------
// What a forged request looks like.

// Routes every phone action uses, whatever /api/strings declares: the declaration must hold
// at least these.
const floorRoutes = ['/api/join', '/api/notes', '/api/host/next', '/api/host/pause', '/api/host/extend',
  '/api/host/remove', '/api/proposal/again', '/api/proposal/answer', '/api/lobby/situation', '/api/validation/scores'];
// The other routes today's phone page uses (a declaration may rename or drop them; the
// forged requests go to them anyway: they must be refused, whatever the route).
const knownRoutes = ['/api/notes/edit', '/api/notes/withdraw', '/api/vote', '/api/ready', '/api/more-time',
  '/api/host/claim', '/api/host/hide', '/api/proposal/mark', '/api/lobby/framing', '/api/lobby/review',
  '/api/validation/objection', '/api/validation/decision', '/api/validation/volunteer', '/api/validation/commit',
  '/api/validation/edit', '/api/wrapup/share'];

// [label, value (undefined: no "key" at all), malformed?]. Malformed keys must get 401 before
// anything else; a well-formed unknown one 401 (unknown_person) or 410 (no session).
function forgedKeys(legitKey) {
  return [
    ['missing', undefined, true],
    ['""', '', true],
    ['null', null, true],
    ['0', 0, true],
    ['12345', 12345, true],
    ['[]', [], true],
    ['{}', {}, true],
    ['["x"]', ['x'], true],
    ['"\\u0000"', '\u0000', true],
    ['32 chars with a NUL', 'a\u0000' + hex(30), true],
    ['31 hex', hex(31), true],
    ['33 hex', hex(33), true],
    ['32 upper-case hex', 'ABCDEF' + hex(26).toUpperCase(), true],
    ['the real key upper-cased', legitKey.toUpperCase(), true],
    ['the real key + "\\n"', legitKey + '\n', true],
    ['[real key]', [legitKey], true],
    ['unknown 32 hex', hex(32), false],
  ];
}

// A believable body for ROUTE (what a phone would send), the fields the server declares for
// it filled in as well. `stage` is the stage id to claim.
function plausibleBody(route, stage, declared, legitNumber) {
  const text = 'Minder wachten bij de balie, zodat klanten sneller geholpen zijn';
  const known = {
    '/api/notes': { stage, text },
    '/api/notes/edit': { stage, note: 1, text },
    '/api/notes/withdraw': { stage, note: 1 },
    '/api/vote': { stage, dots: [1, 1, 2] },
    '/api/ready': { stage, ready: true },
    '/api/more-time': { stage },
    '/api/host/claim': { code: '000000' },
    '/api/host/pause': {},
    '/api/host/extend': {},
    '/api/host/next': {},
    '/api/host/hide': { note: 1 },
    '/api/host/remove': { number: legitNumber, person: legitNumber, participant: legitNumber },
    '/api/proposal/mark': { stage: 'ai-voorstel', paragraph: 0, mark: '' },
    '/api/proposal/answer': { stage: 'ai-voorstel', text: 'Voorstel: ' + text },
    '/api/proposal/again': { stage: 'ai-voorstel' },
    '/api/lobby/situation': { text },
    '/api/lobby/framing': { picks: [0] },
    '/api/lobby/review': { decision: '1', status: 'done' },
    '/api/validation/scores': { stage: 'validatie', scores: [4, 4, 4, 4, 4] },
    '/api/validation/objection': { stage: 'validatie', text },
    '/api/validation/decision': { stage: 'validatie', decision: 'adopt' },
    '/api/validation/volunteer': { stage: 'validatie', name: 'Sam' },
    '/api/validation/commit': { stage: 'validatie', review_date: '2026-12-14', first_step: text },
    '/api/validation/edit': { stage: 'validatie', text },
    '/api/wrapup/share': { text },
  };
  const body = { ...(known[route] || {}) };
  for (const [field, spec] of Object.entries(declared || {})) {
    if (field === 'key' || field in body) continue;
    const kind = String((spec && spec.kind) || '').toLowerCase();
    if (field === 'stage') body.stage = stage;
    else if (['int', 'integer', 'number', 'id'].includes(kind)) body[field] = 1;
    else if (['list', 'array', 'ints', 'numbers'].includes(kind)) body[field] = [1];
    else if (['bool', 'boolean', 'flag'].includes(kind)) body[field] = true;
    else if (kind === 'date') body[field] = '2026-12-14';
    else body[field] = text.slice(0, Math.max(1, Math.min(text.length, (spec && spec.max) || text.length)));
  }
  return body;
}

// A refusal as the contract says: not 2xx, not 5xx, answered at all, JSON {error, message}.
const refused = (r) => r.status >= 300 && r.status < 500;
const wellFormedRefusal = (r) => r.json !== null && typeof r.json === 'object' &&
  typeof r.json.error === 'string' && r.json.error.length > 0 && typeof r.json.message === 'string' && r.json.message.length > 0;

// ---------------------------------------------------------------------------------------------

let legit = null;        // { key, number } of the phone in the room
let legit2 = null;
let routes = [];
let limits = null;
let maxText = 280;

const attackers = ['127.0.0.2', '127.0.0.3', '127.0.0.4', '127.0.0.5', '127.0.0.6', '127.0.0.7', '127.0.0.8'];

async function legitState(k = legit.key) {
  const r = await get('127.0.0.1', '/api/state?key=' + k);
  return r.status === 200 ? r.json : null;
}

// Every route × every forged key × the route's plausible body (and one claiming the current
// stage); checks per route, and that the screen's scene did not change. Returns the count.
async function forgedBatch(label, currentStage) {
  phase = 'forged batch ' + label;
  const linesBefore = showingLines().length;
  const sceneBefore = scene();
  const stateBefore = await legitState();
  const shotBefore = screenshot(`${label}-before`);
  const keys = forgedKeys(legit.key);
  const jobs = [];
  let n = 0;
  for (const route of routes) {
    const base = plausibleBody(route, currentStage, limits?.fields?.[route], legit.number);
    const bodies = [base];
    if ('stage' in base && base.stage !== currentStage) bodies.push({ ...base, stage: currentStage });
    for (const [keyLabel, value, malformed] of keys) {
      for (const b of bodies) {
        const body = { ...b };
        if (value !== undefined) body.key = value;
        const from = attackers[n++ % attackers.length];
        jobs.push(async () => ({ route, keyLabel, malformed, stage: body.stage, from, r: await post(from, route, body) }));
      }
    }
  }
  const results = await pool(jobs, 10);
  await sleep(500);

  for (const route of routes) {
    const mine = results.filter((x) => x.route === route);
    const describe = (list) => list.slice(0, 6).map((x) => `${x.keyLabel}${x.stage ? ' @' + x.stage : ''} → ${x.r.status} ${x.r.body.slice(0, 60).replace(/\s+/g, ' ')}`).join('; ') +
      (list.length > 6 ? `; … ${list.length - 6} more` : '');
    const accepted = mine.filter((x) => x.r.status >= 200 && x.r.status < 300);
    const broken = mine.filter((x) => x.r.status >= 500 || x.r.status === 0);
    check(accepted.length === 0, `${label}: ${route}: no forged key is accepted (${accepted.length} of ${mine.length} were: ${describe(accepted)})`);
    check(broken.length === 0, `${label}: ${route}: no forged key gets a 5xx or no answer (${broken.length}: ${describe(broken)})`);
    const not401 = mine.filter((x) => x.malformed && x.r.status !== 401);
    check(not401.length === 0, `${label}: ${route}: a malformed key gets 401 before anything else (${not401.length} did not: ${describe(not401)})`);
    const unknown = mine.filter((x) => !x.malformed && x.r.status !== 401 && x.r.status !== 410);
    check(unknown.length === 0, `${label}: ${route}: a well-formed unknown key gets 401/410 (${describe(unknown)})`);
    const shapeless = mine.filter((x) => refused(x.r) && !wellFormedRefusal(x.r));
    check(shapeless.length === 0, `${label}: ${route}: every refusal is JSON {error, message} (${shapeless.length} were not: ${describe(shapeless)})`);
  }
  const statuses = {};
  for (const x of results) statuses[x.r.status] = (statuses[x.r.status] || 0) + 1;
  say(`${label}: ${results.length} forged posts on ${routes.length} routes from ${attackers.length} addresses; statuses ${JSON.stringify(statuses)}`);

  const shotAfter = screenshot(`${label}-after`);
  check(showingLines().length === linesBefore && scene() === sceneBefore,
    `${label}: the screen's scene did not change (was ${sceneBefore}, now ${scene()}, ${showingLines().length - linesBefore} scene changes)`);
  const stateAfter = await legitState();
  check(stateAfter !== null, `${label}: the real phone still has its place in the session`);
  if (stateBefore && stateAfter) {
    check(stateAfter.phase === stateBefore.phase && stateAfter.stage?.id === stateBefore.stage?.id,
      `${label}: the real phone sees the same step (${stateBefore.phase}/${stateBefore.stage?.id} → ${stateAfter.phase}/${stateAfter.stage?.id})`);
    check(stateAfter.people?.joined === stateBefore.people?.joined,
      `${label}: nobody joined or left (${stateBefore.people?.joined} → ${stateAfter.people?.joined})`);
    check((stateAfter.me?.notes || []).length === (stateBefore.me?.notes || []).length, `${label}: the real phone's notes are unchanged`);
    if (stateBefore.timer && stateAfter.timer && stateBefore.stage?.id === stateAfter.stage?.id) {
      check(!stateAfter.timer.paused && stateAfter.timer.duration_ms === stateBefore.timer.duration_ms,
        `${label}: the timer was neither paused nor extended (${JSON.stringify(stateBefore.timer)} → ${JSON.stringify(stateAfter.timer)})`);
    }
  }
  const pixels = differingPixels(shotBefore, shotAfter);
  say(`${label}: screenshots ${shotBefore} / ${shotAfter}: ${pixels} pixels differ outside the timer corner`);
  check(pixels === 0, `${label}: the screen looks the same before and after, timer corner aside (${pixels} pixels differ)`);
  return results.length;
}

// The host's controls with {"key": ""}: refused, and the screen stays where it is.
async function emptyKeyHostControls(label) {
  phase = 'empty-key host controls ' + label;
  for (const route of ['/api/host/next', '/api/host/pause', '/api/host/extend']) {
    const lines = showingLines().length;
    const before = scene();
    const stateBefore = await legitState();
    const r = await post('127.0.0.2', route, { key: '' });
    await sleep(400);
    check(refused(r), `${label}: ${route} with {"key":""} is refused (got ${r.status} ${r.body.slice(0, 80)})`);
    check(r.status === 401, `${label}: ${route} with {"key":""} gets 401 (got ${r.status})`);
    check(showingLines().length === lines && scene() === before,
      `${label}: ${route} with {"key":""} does not change the scene (was ${before}, now ${scene()})`);
    const stateAfter = await legitState();
    if (stateBefore?.timer && stateAfter?.timer && stateBefore.stage?.id === stateAfter.stage?.id) {
      check(!stateAfter.timer.paused && stateAfter.timer.duration_ms === stateBefore.timer.duration_ms,
        `${label}: ${route} with {"key":""} neither pauses nor extends the timer (${JSON.stringify(stateAfter.timer)})`);
    }
  }
  const again = await post('127.0.0.3', '/api/proposal/again', { key: '', stage: 'ai-voorstel' });
  check(refused(again), `${label}: /api/proposal/again with {"key":"","stage":"ai-voorstel"} is refused (got ${again.status} ${again.body.slice(0, 80)})`);
}

// 7. Nobody with a forged key removes anyone.
async function forgedRemovals() {
  phase = 'forged removals';
  const before = await legitState();
  const tries = [];
  let n = 0;
  for (const [keyLabel, value] of forgedKeys(legit.key)) {
    for (const who of [legit.number, 1, 2, 0]) {
      const body = { number: who, person: who, participant: who };
      if (value !== undefined) body.key = value;
      tries.push(async () => ({ keyLabel, who, r: await post(attackers[n++ % attackers.length], '/api/host/remove', body) }));
    }
  }
  // The real phone's own key is not the host's either.
  tries.push(async () => ({ keyLabel: 'the real (non-host) phone', who: legit.number, r: await post('127.0.0.1', '/api/host/remove', { key: legit.key, number: legit.number }) }));
  const results = await pool(tries, 10);
  const accepted = results.filter((x) => !refused(x.r));
  check(accepted.length === 0, `/api/host/remove: every forged key is refused (${accepted.length} of ${results.length} were not: ` +
    accepted.slice(0, 5).map((x) => `${x.keyLabel} #${x.who} → ${x.r.status}`).join('; ') + ')');
  const after = await legitState();
  check(after !== null && after.people?.joined === before?.people?.joined,
    `/api/host/remove: the real phone is still in the session and nobody left (${before?.people?.joined} → ${after?.people?.joined})`);
}

// 5. 1 000 forged posts of the largest allowed size from 20 addresses, 20 at a time: the data
// folder (journal with its -wal/-shm) grows by less than 256 KB.
async function diskFlood(currentStage) {
  phase = 'disk flood';
  const answerMax = limits?.fields?.['/api/proposal/answer']?.text?.max || 20_000;
  const notesMax = limits?.fields?.['/api/notes']?.text?.max || maxText;
  const sentence = 'Wij stellen voor dat de balie om half negen opengaat en dat één collega de wachtrij overziet. ';
  const textOf = (n) => { let t = ''; while (Array.from(t).length < n) t += sentence; return Array.from(t).slice(0, n).join(''); };
  const answer = textOf(answerMax);
  const note = textOf(notesMax);
  await sleep(1000);
  const filesBefore = fileSizes(dataDir);
  const sizeBefore = total(filesBefore);
  const logBefore = statSync(log).size;
  const sources = Array.from({ length: 20 }, (_, i) => `127.0.0.${20 + i}`);
  const jobs = [];
  let bytes = 0;
  for (let i = 0; i < 1000; i++) {
    const body = i % 2 === 0
      ? { key: hex(32), stage: 'ai-voorstel', text: answer }
      : { key: hex(32), stage: currentStage, text: note };
    bytes += Buffer.byteLength(JSON.stringify(body));
    const path = i % 2 === 0 ? '/api/proposal/answer' : '/api/notes';
    jobs.push(() => post(sources[i % sources.length], path, body));
  }
  const t0 = Date.now();
  const results = await pool(jobs, 20);
  const seconds = (Date.now() - t0) / 1000;
  await sleep(1500);
  const filesAfter = fileSizes(dataDir);
  const sizeAfter = total(filesAfter);
  const growth = sizeAfter - sizeBefore;
  const statuses = {};
  for (const r of results) statuses[r.status] = (statuses[r.status] || 0) + 1;
  say(`disk: ${results.length} forged posts (${(bytes / 1e6).toFixed(1)} MB; answers of ${answerMax} and notes of ${notesMax} characters) ` +
      `in ${seconds.toFixed(1)} s from ${sources.length} addresses; statuses ${JSON.stringify(statuses)}`);
  say(`disk: data folder ${sizeBefore} → ${sizeAfter} bytes (growth ${growth} bytes, limit 262144); kiosk log grew ${statSync(log).size - logBefore} bytes`);
  for (const file of new Set([...filesBefore.keys(), ...filesAfter.keys()])) {
    const a = filesBefore.get(file) ?? 0, b = filesAfter.get(file) ?? 0;
    if (a !== b) say(`disk:   ${file.slice(dataDir.length + 1)}: ${a} → ${b} bytes`);
  }
  check(results.every((r) => refused(r)), `disk: all 1 000 forged posts are refused (statuses ${JSON.stringify(statuses)})`);
  check(growth < 256 * 1024, `disk: the data folder grows by less than 256 KB (grew ${growth} bytes)`);
}

try {
  // 1. One real phone joins from 127.0.0.1; the room starts the session (check-in).
  phase = 'join';
  const token = (joinUrl.match(/\/j\/([0-9a-f]{32})$/) || [])[1];
  check(!!token, `the join link from the screen's QR holds a token (${joinUrl})`);
  if (!token) throw new Error('no join token');

  const strings = await get('127.0.0.1', '/api/strings');
  check(strings.status === 200 && strings.json, `GET /api/strings answers JSON (${strings.status})`);
  maxText = strings.json?.max_text || maxText;
  limits = strings.json?.limits || null;
  const declared = limits && limits.fields && typeof limits.fields === 'object' ? Object.keys(limits.fields) : [];
  check(declared.length > 0, '/api/strings declares limits.fields (the POST routes phones may use)');
  const missing = floorRoutes.filter((r) => !declared.includes(r));
  check(missing.length === 0, `limits.fields declares at least the known routes (missing: ${missing.join(', ') || 'none'})`);
  routes = [...new Set([...declared, ...floorRoutes, ...knownRoutes])].filter((r) => r !== '/api/join');
  say(`${declared.length} routes declared; attacking ${routes.length} routes (declared ∪ the known ones, /api/join aside)`);
  if (limits?.fields?.['/api/proposal/answer']?.text) {
    const answerMax = limits.fields['/api/proposal/answer'].text.max;
    const texts = ['id', 'line', 'lines'];  // a number field's max is its largest value, not a length
    const others = Object.values(limits.fields).flatMap((f) => Object.values(f || {})
      .filter((s) => s && texts.includes(s.kind)).map((s) => s.max || 0));
    check(answerMax >= Math.max(...others), `/api/proposal/answer's text is the largest field (${answerMax})`);
  }

  const joined = await post('127.0.0.1', '/api/join', { token, name: 'Echte telefoon' });
  check(joined.status === 200 && isKey(joined.json?.key), `a real phone joins from 127.0.0.1 (${joined.status} ${joined.body.slice(0, 100)})`);
  if (!isKey(joined.json?.key)) throw new Error('the real phone could not join');
  legit = { key: joined.json.key, number: joined.json.number };

  phase = 'start the session';
  press('Return');
  check(await waitScene('checkin'), `Return starts the session: the screen shows checkin (shows ${scene()})`);
  say(`scene before the attack: ${scene()}`);
  await sleep(300);

  // 2 + 4. Forged requests in the check-in, then in the first step (a running timer): the
  // host's controls with an empty key first, one at a time, then every route × every key.
  await emptyKeyHostControls('checkin');
  let forged = await forgedBatch('checkin', (await legitState())?.stage?.id || 'checkin');

  phase = 'to the first step';
  const from = scene();
  const first = await pressForNewScene('Page_Down');
  // (If a forged request already moved the room on, any next scene will do.)
  check(from === 'checkin' ? first === 'analyse' : first !== '',
    `Page_Down moves the room on from ${from} (to analyse from checkin): shows ${first || scene()}`);
  await sleep(300);
  const stage = (await legitState())?.stage?.id || 'analyse';
  say(`scene: ${scene()}, stage ${stage}`);
  await emptyKeyHostControls('step');
  forged += await forgedBatch('step', stage);

  // 7. Host removal.
  await forgedRemovals();

  // 5. The data folder under a flood of large forged posts.
  const beforeFlood = scene();
  await diskFlood(stage);
  check(scene() === beforeFlood, `disk: the scene did not change during the flood (${beforeFlood} → ${scene()})`);
  check((await legitState()) !== null, 'disk: the real phone still works after the flood');
  say(`${forged} forged posts in the two batches`);

  // 3. A second real phone; the room closes the session and opens a new one; the old keys are dead.
  phase = 'second phone';
  const second = await post('127.0.0.1', '/api/join', { token, name: 'Tweede telefoon' });
  check(second.status === 200 && isKey(second.json?.key), `a second real phone joins from 127.0.0.1 (${second.status} ${second.body.slice(0, 100)})`);
  legit2 = isKey(second.json?.key) ? { key: second.json.key, number: second.json.number } : null;

  phase = 'close the session';
  for (let i = 0; i < 30 && scene() !== 'wrapup'; i++) {
    if (!(await pressForNewScene('Page_Down'))) break;
  }
  check(scene() === 'wrapup', `Page_Down walks the room to the wrap-up (shows ${scene()})`);
  press('Return');
  check(await waitScene('idle'), `Return at the wrap-up closes the session (shows ${scene()})`);
  const oldKeys = [legit.key, legit2?.key].filter(Boolean);
  for (const k of oldKeys) {
    const r = await post('127.0.0.1', '/api/notes', { key: k, stage, text: 'Na afloop' });
    check(refused(r) && (r.status === 401 || r.status === 410), `a closed session's key is refused with no session open (${r.status} ${r.body.slice(0, 80)})`);
  }

  phase = 'new session';
  press('Return');
  check(await waitScene('lobby'), `Return opens a new session (shows ${scene()})`);
  await sleep(400);
  const newToken = readQrToken(screenshot('lobby-2'));
  check(!!newToken && newToken !== token, `the new session's QR has a new join token (${newToken})`);
  const linesBefore = showingLines().length;
  for (const k of oldKeys) {
    for (const [route, body] of [['/api/notes', { stage, text: 'Oude sleutel' }], ['/api/host/next', {}], ['/api/host/pause', {}],
      ['/api/host/extend', {}], ['/api/host/remove', { number: 1 }], ['/api/lobby/situation', { text: 'Oude sleutel' }],
      ['/api/ready', { stage, ready: true }], ['/api/proposal/again', { stage: 'ai-voorstel' }]]) {
      const r = await post('127.0.0.1', route, { ...body, key: k });
      check(refused(r) && (r.status === 401 || r.status === 410),
        `new session: the old key is refused on ${route} with 401/410 (${r.status} ${r.body.slice(0, 80)})`);
    }
    const s = await get('127.0.0.1', '/api/state?key=' + k);
    check(s.status === 401 || s.status === 410, `new session: GET /api/state with the old key is refused (${s.status})`);
  }
  await sleep(400);
  check(showingLines().length === linesBefore && scene() === 'lobby', `new session: the old keys did not move the screen (shows ${scene()})`);

  // 6. At most three joins per address and session.
  phase = 'joins per address';
  if (newToken) {
    const keys = [];
    for (let i = 0; i < 3; i++) {
      const r = await post('127.0.0.9', '/api/join', { token: newToken });
      check(r.status === 200 && isKey(r.json?.key), `join ${i + 1} of 3 from 127.0.0.9 succeeds (${r.status} ${r.body.slice(0, 80)})`);
      if (isKey(r.json?.key)) keys.push(r.json.key);
    }
    check(new Set(keys).size === keys.length, 'each join from 127.0.0.9 got its own key');
    const fourth = await post('127.0.0.9', '/api/join', { token: newToken });
    check(fourth.status === 429 && fourth.json?.error === 'too_many_joins',
      `the 4th join from 127.0.0.9 is refused with 429 too_many_joins (${fourth.status} ${fourth.body.slice(0, 100)})`);
    if (fourth.status === 429) check(wellFormedRefusal(fourth), `the refused join is JSON {error, message} (${fourth.body.slice(0, 100)})`);
    const other = await post('127.0.0.10', '/api/join', { token: newToken });
    check(other.status === 200 && isKey(other.json?.key), `a join from 127.0.0.10 still succeeds (${other.status} ${other.body.slice(0, 80)})`);
    const rejoin = await post('127.0.0.1', '/api/join', { token: newToken, key: legit.key });
    check(rejoin.status === 200 && isKey(rejoin.json?.key) && rejoin.json.key !== legit.key,
      `joining the new session with the old key gives a new key (${rejoin.status} ${rejoin.body.slice(0, 80)})`);
  }

  const alive = await get('127.0.0.1', '/app.css');
  check(alive.status === 200, `the kiosk still serves phones at the end (${alive.status})`);
} catch (error) {
  check(false, `the attack walk completed (in ${phase}): ${error.stack || error.message}`);
}
say(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
finish();
