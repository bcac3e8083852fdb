// A moderator's "verbergen" to the screen without the answer, on the live kiosk (it runs with
// --trace-frames; its output file holds "frame VERSION MONOTONIC_MS" per presented frame): the
// moderator hides an answer that is on the screen, and the time from sending the request to the
// first presented frame of the View that no longer holds it is taken; "toelaten" puts it back
// for the next round. Traffic goes to 127.0.0.1 only.
// Usage: node moderation_bench.mjs PORT KIOSK_OUTPUT TOKEN HOST_CODE ROUNDS
import { readFileSync } from 'node:fs';

const [port, output, token, hostCode, roundsText] = process.argv.slice(2);
const rounds = Number(roundsText) || 20;
const base = `http://127.0.0.1:${port}`;
const nowMs = () => Number(process.hrtime.bigint()) / 1e6;  // CLOCK_MONOTONIC, as the kiosk's frames
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let problems = 0;
const problem = (what) => { problems++; console.log(`  PROBLEM: ${what}`); };

async function post(path, body) {
  const r = await fetch(base + path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return { status: r.status, json: await r.json().catch(() => ({})) };
}

function frames() {
  const found = [];
  for (const line of readFileSync(output, 'utf8').split('\n')) {
    const m = /^frame (\d+) (\d+)$/.exec(line);
    if (m) found.push([Number(m[1]), Number(m[2])]);
  }
  return found;
}

async function frameAfter(version, since) {
  for (const until = Date.now() + 5000; Date.now() < until; await sleep(10)) {
    const frame = frames().find(([v, ms]) => v >= version && ms >= since);
    if (frame) return frame[1];
  }
  return null;
}

const claimed = await post('/api/coffee/host', { token, code: hostCode });
if (claimed.status !== 201) {
  problem(`the moderator claim was refused (${claimed.status} ${JSON.stringify(claimed.json)})`);
  process.exit(1);
}
const moderator = claimed.json.key;
await post('/api/coffee/answer', { token, text: 'Dit antwoord blijft op het scherm' });
const answer = await post('/api/coffee/answer', { token, text: 'Dit antwoord gaat eraf en komt terug' });
if (answer.status !== 201) problem(`the answer was refused (${answer.status})`);
const id = answer.json.id;
const latencies = [];
for (let round = 0; round < rounds; round++) {
  await sleep(250);
  const sent = nowMs();
  const hidden = await post('/api/coffee/moderate', { token, key: moderator, answer: id, action: 'hide' });
  if (hidden.status !== 200) { problem(`hide refused (${hidden.status} ${JSON.stringify(hidden.json)})`); break; }
  const shown = await frameAfter(hidden.json.v, sent);
  if (shown === null) problem(`round ${round + 1}: no frame without the answer within 5 s`);
  else latencies.push(shown - sent);
  await sleep(250);
  const allowed = await post('/api/coffee/moderate', { token, key: moderator, answer: id, action: 'approve' });
  if (allowed.status !== 200) { problem(`approve refused (${allowed.status})`); break; }
}
const sorted = [...latencies].sort((a, b) => a - b);
const at = (p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.round((p / 100) * (sorted.length - 1)))] : NaN);
const p99 = at(99);
console.log(`moderation_hide_to_frame_ms p50 ${at(50).toFixed(1)} p99 ${p99.toFixed(1)} max ${sorted.at(-1)?.toFixed(1)} over ${sorted.length} hides` +
  ` (goal p99 <= 1000: ${p99 <= 1000 ? 'met' : 'NOT met'})`);
process.exit(problems ? 1 : 0);
