// The phones benchmark: simulated phones hold live streams to a running kiosk while
// contributions arrive at RATE a second. Each phone is a device of its own: it connects from its
// own loopback address (127.0.0.2, 127.0.0.3, …; all of 127.0.0.0/8 is loopback on Linux), so
// the kiosk's per-address limits (joins, connections, 1 200 requests a minute) see one phone
// each, as in a room. Prints the time from POST to reply and from POST to the first presented
// frame that shows the note (the kiosk runs with --trace-frames), for accepted notes only, what
// was refused (by status and error), and the kiosk's threads and memory meanwhile. Every request
// and wait has a deadline. Talks to 127.0.0.1 only (from 127.0.0.x).
// Exit status 1 when a phone could not join or open its stream, the room did not reach the
// brainstorm, or a contribution was refused or unanswered.
// Usage: node phones_bench.mjs PORT JOIN_TOKEN KIOSK_PID KIOSK_STDOUT [SECONDS] [PHONES] [RATE]
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const [port, token, kioskPid, kioskStdout] = process.argv.slice(2, 6);
const seconds = Number(process.argv[6] || 20);
const phoneCount = Number(process.argv[7] || 200);
const rate = Number(process.argv[8] || 50);
const requestTimeoutMs = 10000;
// Connections are pooled per phone: node's agent keys its pool by local address too.
const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
const nowMs = () => Number(process.hrtime.bigint()) / 1e6;  // CLOCK_MONOTONIC, as the kiosk's frames
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const problems = [];
function problem(what) {
  console.log(`PROBLEM: ${what}`);
  problems.push(what);
}
function finish() {
  agent.destroy();
  if (problems.length) console.log(`phones bench: ${problems.length} problem(s): ${problems.join('; ')}`);
  process.exit(problems.length ? 1 : 0);
}

// Phone i's own address: 127.0.0.2, 127.0.0.3, … (127.0.1.0 … after 254 phones).
function address(i) {
  const n = i + 2;
  return `127.0.${(n >> 8) & 255}.${n & 255}`;
}

// One request from phone `phone`; resolves {status, body} (status 0: no answer within the deadline).
function request(phone, method, path, body) {
  return new Promise((resolve) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const headers = data === undefined ? {} : { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(data) };
    const req = http.request({ host: '127.0.0.1', port, path, method, agent, localAddress: address(phone), headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => { text += chunk; });
      response.on('end', () => resolve({ status: response.statusCode, body: text }));
      response.on('error', () => resolve({ status: 0, body: '' }));
    });
    req.setTimeout(requestTimeoutMs, () => req.destroy(new Error('timeout')));
    req.on('error', (error) => resolve({ status: 0, body: String(error.message || error) }));
    req.end(data);
  });
}
const post = (phone, path, body) => request(phone, 'POST', path, body);
const get = (phone, path) => request(phone, 'GET', path);

// What a refusal was: "429 slow_down", or "0 no answer".
function refusal(reply) {
  if (reply.status === 0) return `0 no answer (${reply.body || 'timeout'})`;
  try { return `${reply.status} ${JSON.parse(reply.body).error}`; } catch { return `${reply.status}`; }
}
function tallyText(tally) {
  const parts = Object.entries(tally).map(([what, count]) => `${count} x ${what}`);
  return parts.length ? parts.join(', ') : 'none';
}

// A live stream from phone `phone`: resolves the response once the first message arrived, or
// null when none came within the deadline.
function stream(phone, key, counter) {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/api/events?key=' + key, agent: false, localAddress: address(phone) }, (response) => {
      response.setEncoding('utf8');
      response.on('data', (chunk) => { counter.messages += chunk.split('\n\n').length - 1; resolve(response); });
      response.on('error', () => resolve(null));
    });
    const timer = setTimeout(() => { req.destroy(); resolve(null); }, requestTimeoutMs);
    req.on('error', () => resolve(null));
    req.on('response', () => clearTimeout(timer));
  });
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p / 100 * sorted.length))] : NaN;
}

function procStatus(field) {
  try {
    const line = readFileSync(`/proc/${kioskPid}/status`, 'utf8').split('\n').find((l) => l.startsWith(field + ':'));
    return Number(line.split(/\s+/)[1]);
  } catch {
    return 0;  // the kiosk ended: the waits below say so
  }
}

// Frames the kiosk presented: [version, monotonic ms] in the order shown.
function framesShown() {
  const frames = [];
  for (const line of readFileSync(kioskStdout, 'utf8').split('\n')) {
    const m = /^frame (\d+) (\d+)$/.exec(line);
    if (m) frames.push([Number(m[1]), Number(m[2])]);
  }
  return frames;
}

// 1. Phones join, each from its own address, and open their live streams.
const keys = [];
const joinRefused = {};
for (let i = 0; i < phoneCount; i++) {
  const reply = await post(i, '/api/join', { token });
  if (reply.status === 200) keys.push(JSON.parse(reply.body).key);
  else joinRefused[refusal(reply)] = (joinRefused[refusal(reply)] || 0) + 1;
}
if (keys.length < phoneCount) problem(`joins refused: ${tallyText(joinRefused)}`);
if (keys.length === 0) finish();
const counter = { messages: 0 };
const streams = (await Promise.all(keys.map((key, i) => stream(i, key, counter)))).filter((s) => s);
console.log(`phones: ${keys.length} of ${phoneCount} joined (each from its own 127.0.0.x), ${streams.length} live streams open`);
if (streams.length < keys.length) problem(`${keys.length - streams.length} live streams did not open`);

// The room starts the session and walks to the brainstorm taking notes (ideas, no limit per
// person but the room's 20): Next until phone 0's state says so; each key awaited, all within 30 s.
async function state() {
  const reply = await get(0, '/api/state?key=' + keys[0]);
  try { return reply.status === 200 ? JSON.parse(reply.body) : null; } catch { return null; }
}
const atBrainstorm = (s) => s && s.stage && s.stage.id === 'brainstorm' && s.stage.part === 'write';
const whereIs = (s) => (s ? (s.stage ? `${s.stage.id} (${s.stage.part})` : s.phase) : 'no state');
async function pressAndWait(key) {
  const before = await state();
  execFileSync('xdotool', ['key', key]);
  for (const until = nowMs() + 3000; nowMs() < until;) {
    const now = await state();
    if (now && before && now.v !== before.v) return now;
    await sleep(20);
  }
  return state();
}
{
  let now = await pressAndWait('F5');  // lobby -> check-in
  for (const until = nowMs() + 30000; !atBrainstorm(now) && nowMs() < until;) now = await pressAndWait('Next');
  if (!atBrainstorm(now)) {
    problem(`the room did not reach the brainstorm within 30 s (at ${whereIs(now)})`);
    for (const s of streams) s.destroy();
    finish();
  }
  await sleep(300);  // its first frame
}

// 2. Contributions at `rate` per second, from phones in turn, each sent on its own schedule.
const sent = [];
let peakRss = 0, threads = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, procStatus('VmRSS'));
  threads = Math.max(threads, procStatus('Threads'));
}, 200);
const total = Math.max(1, Math.round(seconds * rate));
const start = nowMs();
const pending = [];
for (let n = 0; n < total; n++) {
  const due = start + n * 1000 / rate;
  const wait = due - nowMs();
  if (wait > 0) await sleep(wait);
  const phone = n % keys.length;
  const at = nowMs();
  pending.push(post(phone, '/api/notes', { key: keys[phone], stage: 'brainstorm', text: `Idee ${n}: samen de overdracht korter maken` })
    .then((reply) => {
      let v = 0;
      if (reply.status === 201) { try { v = JSON.parse(reply.body).v; } catch { v = 0; } }
      sent.push({ at, replied: nowMs(), status: reply.status, v, refusal: reply.status === 201 ? '' : refusal(reply) });
    }));
}
await Promise.all(pending);
clearInterval(sampler);

// 3. Figures, from the accepted notes only. Each accepted note's frame is awaited (up to 5 s).
const ok = sent.filter((s) => s.status === 201);
const refused = {};
for (const s of sent) if (s.refusal) refused[s.refusal] = (refused[s.refusal] || 0) + 1;
const match = (frames) => {
  const toFrame = [], beyondReply = [];
  for (const s of ok) {
    const frame = frames.find(([version, ms]) => version >= s.v && ms >= s.at);
    if (!frame) continue;
    toFrame.push(frame[1] - s.at);
    beyondReply.push(Math.max(0, frame[1] - s.replied));
  }
  return { toFrame, beyondReply };
};
let matched = match(framesShown());
for (const until = nowMs() + 5000; matched.toFrame.length < ok.length && nowMs() < until;) {
  await sleep(200);
  matched = match(framesShown());
}
const { toFrame, beyondReply } = matched;
const replyMs = ok.map((s) => s.replied - s.at);
const fmt = (v) => v.toFixed(1);
console.log(`contributions: ${sent.length} sent in ${seconds} s (${rate}/s) from ${Math.min(keys.length, total)} phones, ${ok.length} accepted, ` +
            `${sent.length - ok.length} refused: ${tallyText(refused)}`);
console.log(`POST -> reply (ms), accepted only:  p50 ${fmt(percentile(replyMs, 50))}  p99 ${fmt(percentile(replyMs, 99))}  (goal p99 <= 50)`);
console.log(`POST -> first frame showing it (ms): p50 ${fmt(percentile(toFrame, 50))}  p99 ${fmt(percentile(toFrame, 99))}`);
console.log(`  of which after the reply (ms):     p50 ${fmt(percentile(beyondReply, 50))}  p99 ${fmt(percentile(beyondReply, 99))}  (goal p99 <= 33)`);
console.log(`  notes matched to a frame:          ${toFrame.length} of ${ok.length}`);
console.log(`stream messages received by phones:  ${counter.messages}`);
console.log(`kiosk while doing it:                ${threads} threads, peak RSS ${(peakRss / 1024).toFixed(0)} MB`);
if (ok.length < sent.length) problem(`contributions refused: ${tallyText(refused)}`);
if (toFrame.length < ok.length) problem(`${ok.length - toFrame.length} accepted notes never reached a presented frame within 5 s`);
for (const s of streams) s.destroy();
finish();
