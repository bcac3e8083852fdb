// Other devices on the kiosk's network, against the real kiosk: forged and malformed phone keys
// on every POST route the server declares (GET /api/strings → limits.fields), sent from
// 127.0.0.2, 127.0.0.3, … (all of 127.0.0.0/8 is loopback) while one real phone takes part.
// None may be accepted, answered with a 5xx, change what the room's screen shows, or grow the
// data folder; a closed session's keys stay dead in the next one; one address joins at most
// three people per session. Beyond keys (lan_cases.mjs): a foreign Host header, the export
// before the wrap-up, a connection flood with half-sent requests, three streams for one key, a
// stream that stops reading, and 2 000 guessed join codes. Each case prints a one-line result
// and the run ends with a summary and the figures a benchmark can reuse. Traffic goes to
// 127.0.0.1 only.
// Usage: node lan_attack.mjs PORT JOIN_URL KIOSK_LOG DATA_DIR OUT_DIR RARE_WORD
// (the kiosk runs fullscreen under Xvfb in the lobby; DISPLAY is set; see lan_attack_test.sh,
// which afterwards forgets the first session and looks for RARE_WORD in the data folder)
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checker } from '../crash/kiosk_process.mjs';
import { lanClient, pool, sleep, within } from './lan_net.mjs';
import { roomScreen } from './lan_screen.mjs';
import { codeGuesses, coffeeRace, connectionFlood, exportsAtWrapup, exportsNotYet, foreignHosts, removedStream, stalledStream, streamsPerKey }
  from './lan_cases.mjs';

const [port, joinUrl, log, dataDir, out, rareWord] = process.argv.slice(2);
const started = Date.now();
let phase = 'start';
const say = (text) => console.log(`lan_attack [${((Date.now() - started) / 1000).toFixed(1)} s]: ${text}`);

// Every failed check is counted, so that each case can say whether it passed.
const tally = checker('lan_attack');
let failedChecks = 0;
const check = (ok, what) => { if (!ok) failedChecks++; tally.check(ok, what); };
const summary = [];
const figures = {};
function finish() {
  console.log('lan_attack summary:');
  for (const line of summary) console.log('  ' + line);
  console.log('lan_attack figures: ' + Object.entries(figures).map(([k, v]) => `${k}=${v}`).join(' '));
  tally.finish();
}

// The whole walk is bounded: ctest gives the shell 480 s, of which the start and the forgetting
// after it take some.
setTimeout(() => { check(false, `the attack finished within 400 s (stuck in: ${phase})`); finish(); }, 400_000).unref();

// ---------------------------------------------------------------------------------------------
// HTTP from a chosen loopback source address to the kiosk on 127.0.0.1, and the room's screen.

const client = lanClient(port);
const { post, get } = client;
const screen = roomScreen({ log, out, port });
const { showingLines, scene, waitScene, pressForNewScene, screenshot, differingPixels, readQrToken } = screen;
const press = screen.press;

const hex = (n) => randomBytes(Math.ceil(n / 2)).toString('hex').slice(0, n);
const isKey = (k) => typeof k === 'string' && /^[0-9a-f]{32}$/.test(k);

// The limits the kiosk runs with (its kiosk.json beside the data folder), defaults as documented.
function configuredLimits() {
  const file = join(dataDir, '..', 'config', 'kiosk.json');
  const phones = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')).phones || {}) : {};
  return { connectionsPerAddress: phones.connections_per_address ?? 16, wrongCodeBudget: phones.wrong_code_budget ?? 200,
    joinsPerAddress: phones.joins_per_address ?? 3 };
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
    if (route.startsWith('/api/coffee/')) {
      // The coffee corner's routes take anyone who holds this week's link: without its token
      // every request is 410 before its key is even looked at.
      const notGone = mine.filter((x) => x.r.status !== 410);
      check(notGone.length === 0, `${label}: ${route}: without the week's token every post gets 410 first (${notGone.length} did not: ${describe(notGone)})`);
    } else {
      const not401 = mine.filter((x) => x.malformed && x.r.status !== 401);
      check(not401.length === 0, `${label}: ${route}: a malformed key gets 401 before anything else (${not401.length} did not: ${describe(not401)})`);
      const unknown = mine.filter((x) => !x.malformed && x.r.status !== 401 && x.r.status !== 410);
      check(unknown.length === 0, `${label}: ${route}: a well-formed unknown key gets 401/410 (${describe(unknown)})`);
    }
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

// ---------------------------------------------------------------------------------------------
// The run: each case a function returning its one-line result.

let token = null;        // the first session's join token (from the screen's QR)
let newToken = null;     // the second session's
let phoneStrings = {};   // the phone texts (/api/strings), to recognise the kiosk's pages
let firstStep = 'analyse';
const otherPhones = [];  // keys of phones that joined for the cases (the flood's, the streams')
let situations = 0;
const secrets = {};      // texts written in the first session: { situation, note, statement }

async function runCase(name, body) {
  phase = name;
  const failedBefore = failedChecks;
  const t0 = Date.now();
  let result = '';
  try {
    result = (await body()) || '';
  } catch (error) {
    check(false, `${name}: the case completed (${error.stack || error.message})`);
  }
  const failed = failedChecks - failedBefore;
  const line = `${name}: ${failed ? `FAILED (${failed} checks)` : 'ok'} in ${((Date.now() - t0) / 1000).toFixed(1)} s${result ? ' — ' + result : ''}`;
  say('CASE ' + line);
  summary.push(line);
}

// The real phone edits the lobby's situation: a new state for every stream.
async function nudgeLobby() {
  const r = await post('127.0.0.1', '/api/lobby/situation', { key: legit.key, text: `${secrets.situation} (${++situations})` });
  check(r.status === 200, `the real phone edits the situation (${r.status} ${r.body.slice(0, 80)})`);
}

// 1. One real phone joins from 127.0.0.1; it names the situation (a text of this session).
async function setUp() {
  token = (joinUrl.match(/\/j\/([0-9a-f]{32})$/) || [])[1];
  check(!!token, `the join link from the screen's QR holds a token (${joinUrl})`);
  if (!token) throw new Error('no join token');
  check(/^zeldzaam-woord-[0-9a-f]+$/.test(rareWord || ''), `the shell passes a rare word to write (${rareWord})`);
  secrets.situation = `De overdracht van ${rareWord}`;

  const strings = await get('127.0.0.1', '/api/strings');
  check(strings.status === 200 && strings.json, `GET /api/strings answers JSON (${strings.status})`);
  phoneStrings = strings.json?.strings || {};
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
  const named = await post('127.0.0.1', '/api/lobby/situation', { key: legit.key, text: secrets.situation });
  check(named.status === 200, `the real phone names the situation (${named.status} ${named.body.slice(0, 80)})`);
  return `${routes.length} routes; the real phone is participant ${legit.number}`;
}

// 2 + 4. Forged requests in the check-in, then in the first step (a running timer): the
// host's controls with an empty key first, one at a time, then every route × every key.
async function forgedInCheckin() {
  press('Return');
  check(await waitScene('checkin'), `Return starts the session: the screen shows checkin (shows ${scene()})`);
  await sleep(300);
  await emptyKeyHostControls('checkin');
  return `${await forgedBatch('checkin', (await legitState())?.stage?.id || 'checkin')} forged posts`;
}

async function forgedInStep() {
  const from = scene();
  const first = await pressForNewScene('Page_Down');
  // (If a forged request already moved the room on, any next scene will do.)
  check(from === 'checkin' ? first === 'analyse' : first !== '',
    `Page_Down moves the room on from ${from} (to analyse from checkin): shows ${first || scene()}`);
  await sleep(300);
  firstStep = (await legitState())?.stage?.id || 'analyse';
  await emptyKeyHostControls('step');
  return `${await forgedBatch('step', firstStep)} forged posts in ${firstStep}`;
}

// 5. The data folder under a flood of large forged posts; then the real phone writes a fact
// with the rare word (after the flood: the flood measures the folder's growth).
async function diskFloodInStep() {
  const before = scene();
  await diskFlood(firstStep);
  check(scene() === before, `disk: the scene did not change during the flood (${before} → ${scene()})`);
  check((await legitState()) !== null, 'disk: the real phone still works after the flood');
  secrets.note = `Een feit met ${rareWord} erin`;
  const noted = await post('127.0.0.1', '/api/notes', { key: legit.key, stage: firstStep, text: secrets.note });
  check(noted.status === 201 || noted.status === 200, `the real phone adds a fact with the rare word (${noted.status} ${noted.body.slice(0, 80)})`);
  return 'see "disk:" above';
}

// The room walks to the wrap-up with Page_Down. HOOKS[scene] = [name, case]: the case runs
// once when that scene shows.
async function walkToWrapup(hooks) {
  const done = new Set();
  const walked = [];
  for (let i = 0; i < 40 && scene() !== 'wrapup'; i++) {
    const here = scene();
    walked.push(here);
    if (hooks[here] && !done.has(here)) {
      done.add(here);
      await runCase(`${hooks[here][0]} (${here})`, hooks[here][1]);
      if (scene() !== here) continue;  // the case moved the room on itself
    }
    if (!(await pressForNewScene('Page_Down'))) break;
  }
  await runCase('walk to the wrap-up', async () => {
    check(scene() === 'wrapup', `Page_Down walks the room to the wrap-up (shows ${scene()})`);
    const missed = Object.keys(hooks).filter((name) => !done.has(name));
    check(missed.length === 0, `the walk passed every scene a case waits for (missed: ${missed.join(', ') || 'none'})`);
    return walked.join(' → ');
  });
}

// In the statements' stage: the real phone writes one (a text the vote will show).
async function writeStatement() {
  secrets.statement = `Hoe kunnen we sneller terugbellen, zodat klanten minder wachten (${hex(6)})?`;
  const r = await post('127.0.0.1', '/api/notes', { key: legit.key, stage: (await legitState())?.stage?.id, text: secrets.statement });
  check(r.status === 201 || r.status === 200, `the real phone writes a problem statement (${r.status} ${r.body.slice(0, 80)})`);
  return 'one statement written';
}

// In the AI stage: the room sends the prompt (Enter), the real phone pastes an answer of
// ~11 000 characters, so that every state a stream carries is large; then a stream stops reading.
async function pasteAndStall() {
  const stage = (await legitState())?.stage?.id || 'ai-voorstel';
  press('Return');
  let takes = false;
  for (let i = 0; i < 50 && !takes; i++) {
    takes = !!(await legitState())?.proposal?.takes_paste;
    if (!takes) await sleep(100);
  }
  if (takes) {
    const paragraph = 'Wij stellen voor dat de balie om half negen opengaat en dat één collega de wachtrij overziet. '.repeat(9).trim();
    const answer = Array.from({ length: 12 }, (_, i) => `${i + 1}. ${paragraph}`).join('\n\n');
    const pasted = await post('127.0.0.1', '/api/proposal/answer', { key: legit.key, stage, text: answer });
    check(pasted.status === 200 || pasted.status === 201, `the real phone pastes an answer (${pasted.status} ${pasted.body.slice(0, 80)})`);
    await waitScene('ai-voorstel-proposal', 3000);
  } else {
    say('stalled stream: NOTE the AI stage took no pasted answer; the states stay small (the stall may come later)');
  }
  const pushers = [legit?.key, legit2?.key, ...otherPhones].filter(Boolean);
  return stalledStream(context, token, legit.key, pushers, stage);
}

// 3. A second real phone; the room closes the session; its keys are refused.
async function secondPhone() {
  const second = await post('127.0.0.1', '/api/join', { token, name: 'Tweede telefoon' });
  check(second.status === 200 && isKey(second.json?.key), `a second real phone joins from 127.0.0.1 (${second.status} ${second.body.slice(0, 100)})`);
  legit2 = isKey(second.json?.key) ? { key: second.json.key, number: second.json.number } : null;
  return `participant ${legit2?.number}`;
}

async function closeSession() {
  // The phones' streams end with the session: the kiosk says "ended" and closes them.
  const streams = [legit.key, legit2?.key].filter(Boolean).map((k) => client.stream('127.0.0.1', k));
  for (const s of streams) await within(s.first, 5000, false);
  press('Return');
  check(await waitScene('idle'), `Return at the wrap-up closes the session (shows ${scene()})`);
  for (const k of [legit.key, legit2?.key].filter(Boolean)) {
    const r = await post('127.0.0.1', '/api/notes', { key: k, stage: firstStep, text: 'Na afloop' });
    check(refused(r) && (r.status === 401 || r.status === 410), `a closed session's key is refused with no session open (${r.status} ${r.body.slice(0, 80)})`);
  }
  for (const s of streams) {
    await within(s.end, 5000);
    check(s.ended && !s.closedHere, `a phone's stream is closed by the kiosk when the session closes (${s.how || 'still open'})`);
    s.close();
  }
  return `the old keys are refused; ${streams.length} streams closed by the kiosk`;
}

// The room opens a new session; the old keys are dead in it.
async function oldKeysInNewSession() {
  press('Return');
  check(await waitScene('lobby'), `Return opens a new session (shows ${scene()})`);
  await sleep(400);
  newToken = readQrToken(screenshot('lobby-2'));
  check(!!newToken && newToken !== token, `the new session's QR has a new join token (${newToken})`);
  const linesBefore = showingLines().length;
  for (const k of [legit.key, legit2?.key].filter(Boolean)) {
    for (const [route, body] of [['/api/notes', { stage: firstStep, text: 'Oude sleutel' }], ['/api/host/next', {}], ['/api/host/pause', {}],
      ['/api/host/extend', {}], ['/api/host/remove', { number: 1 }], ['/api/lobby/situation', { text: 'Oude sleutel' }],
      ['/api/ready', { stage: firstStep, ready: true }], ['/api/proposal/again', { stage: 'ai-voorstel' }]]) {
      const r = await post('127.0.0.1', route, { ...body, key: k });
      check(refused(r) && (r.status === 401 || r.status === 410),
        `new session: the old key is refused on ${route} with 401/410 (${r.status} ${r.body.slice(0, 80)})`);
    }
    const s = await get('127.0.0.1', '/api/state?key=' + k);
    check(s.status === 401 || s.status === 410, `new session: GET /api/state with the old key is refused (${s.status})`);
  }
  await sleep(400);
  check(showingLines().length === linesBefore && scene() === 'lobby', `new session: the old keys did not move the screen (shows ${scene()})`);
  return `new token ${newToken ? 'read' : 'missing'}`;
}

// 6. At most three joins per address and session.
async function joinsPerAddress() {
  if (!newToken) return 'skipped: no new token';
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
  return '3 joins from one address, the 4th refused';
}

// What the cases of lan_cases.mjs get; `phones` collects the keys of the phones they join.
const context = { client, screen, check, say, port, log, figures, here: dirname(fileURLToPath(import.meta.url)),
  limits: configuredLimits(), phones: otherPhones, get strings() { return phoneStrings; } };
const texts = () => [secrets.situation, secrets.note, secrets.statement, rareWord].filter(Boolean);

try {
  await runCase('set-up: the real phone joins', setUp);
  if (!legit) throw new Error('no real phone');
  // The lobby of the first session.
  await runCase('f. foreign Host headers', () => foreignHosts(context, token, legit.key));
  await runCase('e. export in the lobby', () => exportsNotYet(context, token, 'lobby', texts()));
  await runCase('a. connection flood from one address', () => connectionFlood(context, token));
  await runCase('c. three streams for one key', () => streamsPerKey(context, token, nudgeLobby));
  // The session.
  await runCase('forged keys in the check-in', forgedInCheckin);
  await runCase('forged keys in the first step', forgedInStep);
  await runCase('forged removals', forgedRemovals);
  await runCase('disk flood', diskFloodInStep);
  await runCase('a second real phone', secondPhone);
  await walkToWrapup({
    probleemstelling: ['a problem statement', writeStatement],
    'probleemstelling-vote': ['e. export during the dot vote', () => exportsNotYet(context, token, 'dot vote', texts())],
    'ai-voorstel': ['b. a stream that stops reading', pasteAndStall],
  });
  await runCase('e. export at the wrap-up', () => exportsAtWrapup(context, token, secrets.note || rareWord));
  await runCase('the session closes', closeSession);
  // Between sessions: the coffee corner.
  await runCase('g. coffee answers and failing claims raced with one key', () => coffeeRace(context));
  // The second session's lobby.
  await runCase('old keys in a new session', oldKeysInNewSession);
  await runCase('joins per address', joinsPerAddress);
  await runCase('h. the stream of a removed phone', () => (newToken ? removedStream(context, newToken) : 'skipped: no new token'));
  await runCase('d. 2 000 guessed codes', () => (newToken ? codeGuesses(context, newToken) : 'skipped: no new token'));

  const alive = await get('127.0.0.1', '/app.css');
  check(alive.status === 200, `the kiosk still serves phones at the end (${alive.status})`);
} catch (error) {
  check(false, `the attack walk completed (in ${phase}): ${error.stack || error.message}`);
}
say(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
finish();
