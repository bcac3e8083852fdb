// Reads the kiosk's trace (stdout of --trace-frames): "ai-chunk V MS" when a piece of the answer
// came off the network and which View version holds it, "frame V MS" when a frame with that
// version was presented. Prints the delay from piece to the first frame showing it; exits 1 when
// no piece came or one never showed. Usage: node ai_latency.mjs KIOSK_STDOUT [PIECES_SENT]
import { readFileSync } from 'node:fs';

const lines = readFileSync(process.argv[2], 'utf8').split('\n');
const chunks = [], frames = [];
for (const line of lines) {
  let m = /^ai-chunk (\d+) (\d+)$/.exec(line);
  if (m) chunks.push([Number(m[1]), Number(m[2])]);
  m = /^frame (\d+) (\d+)$/.exec(line);
  if (m) frames.push([Number(m[1]), Number(m[2])]);
}
const delays = [];
for (const [version, at] of chunks) {
  const frame = frames.find(([v, ms]) => v >= version && ms >= at);
  if (frame) delays.push(frame[1] - at);
}
delays.sort((a, b) => a - b);
const pct = (p) => (delays.length ? delays[Math.min(delays.length - 1, Math.ceil((p / 100) * delays.length) - 1)] : NaN);
const sent = Number(process.argv[3] || 0);  // pieces the fake provider sent (several may arrive in one read)
console.log(`AI answer pieces: ${chunks.length} taken${sent ? ` (${sent} sent)` : ''}, shown in a frame: ${delays.length}, frames drawn: ${frames.length}`);
console.log(`piece -> first frame showing it (ms): p50 ${pct(50)}  p99 ${pct(99)}  max ${pct(100)}  (goal p99 <= 16.7)`);
if (!chunks.length) console.log('PROBLEM: no piece of the answer reached the kiosk');
else if (delays.length < chunks.length) console.log(`PROBLEM: ${chunks.length - delays.length} pieces never reached a presented frame`);
process.exit(chunks.length && delays.length === chunks.length ? 0 : 1);
