// The phones benchmark: 200 simulated phones hold live streams to a running kiosk while
// contributions arrive at 50 a second. Prints the time from POST to reply, from POST to the
// first presented frame that shows the note (the kiosk runs with --trace-frames), and the
// kiosk's threads and memory meanwhile. Talks to 127.0.0.1 only.
// Usage: node phones_bench.mjs PORT JOIN_TOKEN KIOSK_PID KIOSK_STDOUT [SECONDS] [PHONES] [RATE]
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const [port, token, kioskPid, kioskStdout] = process.argv.slice(2, 6);
const seconds = Number(process.argv[6] || 20);
const phoneCount = Number(process.argv[7] || 200);
const rate = Number(process.argv[8] || 50);
const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
const nowMs = () => Number(process.hrtime.bigint()) / 1e6;  // CLOCK_MONOTONIC, as the kiosk's frames

function post(path, body) {
  return new Promise((resolve) => {
    const data = JSON.stringify(body);
    const request = http.request({ host: '127.0.0.1', port, path, method: 'POST', agent,
      headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(data) } }, (response) => {
      let text = '';
      response.on('data', (chunk) => { text += chunk; });
      response.on('end', () => resolve({ status: response.statusCode, body: text }));
    });
    request.on('error', () => resolve({ status: 0, body: '' }));
    request.end(data);
  });
}

function stream(key, counter) {
  return new Promise((resolve) => {
    http.get({ host: '127.0.0.1', port, path: '/api/events?key=' + key, agent: false }, (response) => {
      response.setEncoding('utf8');
      response.on('data', (chunk) => { counter.messages += chunk.split('\n\n').length - 1; resolve(response); });
    });
  });
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p / 100 * sorted.length))] : NaN;
}

function procStatus(field) {
  const line = readFileSync(`/proc/${kioskPid}/status`, 'utf8').split('\n').find((l) => l.startsWith(field + ':'));
  return Number(line.split(/\s+/)[1]);
}

// Frames the kiosk presented: version -> first time (ms) a frame with at least it was shown.
function framesShown() {
  const frames = [];
  for (const line of readFileSync(kioskStdout, 'utf8').split('\n')) {
    const m = /^frame (\d+) (\d+)$/.exec(line);
    if (m) frames.push([Number(m[1]), Number(m[2])]);
  }
  return frames;
}

// 1. Phones join and open their live streams.
const keys = [];
for (let i = 0; i < phoneCount; i++) {
  const reply = await post('/api/join', { token });
  if (reply.status !== 200) throw new Error('join failed: ' + reply.status + ' ' + reply.body);
  keys.push(JSON.parse(reply.body).key);
}
const counter = { messages: 0 };
const streams = await Promise.all(keys.map((key) => stream(key, counter)));
console.log(`phones: ${keys.length} joined, ${streams.length} live streams open`);

// The room walks to the brainstorm (ideas, no limit per person but the room's 20).
execFileSync('xdotool', ['key', 'F5']);
for (let i = 0; i < 5; i++) { await new Promise((r) => setTimeout(r, 150)); execFileSync('xdotool', ['key', 'Next']); }
await new Promise((r) => setTimeout(r, 500));

// 2. Contributions at `rate` per second, from phones in turn, each sent on its own schedule.
const sent = [];
let peakRss = 0, threads = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, procStatus('VmRSS'));
  threads = Math.max(threads, procStatus('Threads'));
}, 200);
const total = seconds * rate;
const start = nowMs();
const pending = [];
for (let n = 0; n < total; n++) {
  const due = start + n * 1000 / rate;
  const wait = due - nowMs();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  const key = keys[n % keys.length];
  const at = nowMs();
  pending.push(post('/api/notes', { key, stage: 'brainstorm', text: `Idee ${n}: samen de overdracht korter maken` })
    .then((reply) => sent.push({ at, replied: nowMs(), status: reply.status, v: reply.status === 201 ? JSON.parse(reply.body).v : 0 })));
}
await Promise.all(pending);
await new Promise((r) => setTimeout(r, 1000));  // the last frames
clearInterval(sampler);

// 3. Figures.
const ok = sent.filter((s) => s.status === 201);
const replyMs = ok.map((s) => s.replied - s.at);
const frames = framesShown();
const toFrame = [], beyondReply = [];
for (const s of ok) {
  const frame = frames.find(([version, ms]) => version >= s.v && ms >= s.at);
  if (!frame) continue;
  toFrame.push(frame[1] - s.at);
  beyondReply.push(Math.max(0, frame[1] - s.replied));
}
const fmt = (v) => v.toFixed(1);
console.log(`contributions: ${sent.length} sent in ${seconds} s (${rate}/s), ${ok.length} accepted, ${sent.length - ok.length} refused`);
console.log(`POST -> reply (ms):                 p50 ${fmt(percentile(replyMs, 50))}  p99 ${fmt(percentile(replyMs, 99))}  (goal p99 <= 50)`);
console.log(`POST -> first frame showing it (ms): p50 ${fmt(percentile(toFrame, 50))}  p99 ${fmt(percentile(toFrame, 99))}`);
console.log(`  of which after the reply (ms):     p50 ${fmt(percentile(beyondReply, 50))}  p99 ${fmt(percentile(beyondReply, 99))}  (goal p99 <= 33)`);
console.log(`  notes matched to a frame:          ${toFrame.length} of ${ok.length}`);
console.log(`stream messages received by phones:  ${counter.messages}`);
console.log(`kiosk while doing it:                ${threads} threads, peak RSS ${(peakRss / 1024).toFixed(0)} MB`);
for (const s of streams) s.destroy();
agent.destroy();
process.exit(0);
