// Reading the kiosk's real X11 screen from a browser test: the links in the QR codes it shows
// (import + zbarimg), its text (tesseract, on a grey, inverted copy: it reads light-on-dark text
// poorly), and a word looked for in that text allowing one misread letter. Also axe-core on a
// phone page (its context must bypass the page's CSP so that axe can be injected).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const pause = (ms) => new Promise((r) => setTimeout(r, ms));

// A screenshot of the whole screen, as PNG at PATH.
export function screenshot(path) {
  execFileSync('import', ['-window', 'root', path]);
  return path;
}

// The first link a QR code on the screen holds that matches WANT, waited for up to `seconds`
// (a panel with the code may come round later). Throws when none appears.
export async function linkOnScreen(workDir, want, seconds = 10) {
  const until = Date.now() + seconds * 1000;
  let seen = [];
  do {
    screenshot(workDir + '/qr.png');
    try {
      seen = execFileSync('zbarimg', ['-q', '--raw', workDir + '/qr.png'], { stdio: ['ignore', 'pipe', 'ignore'] })
        .toString().split('\n').map((l) => l.trim()).filter(Boolean);
    } catch (e) { seen = []; /* no code found */ }
    const link = seen.find((l) => want.test(l));
    if (link) return link;
    await pause(250);
  } while (Date.now() < until);
  throw new Error(`no QR on the screen matches ${want} (read: ${seen.join(' ') || 'nothing'})`);
}

// Tesseract's readings of the screenshot PNG, one per way of preparing it, made one at a time
// as asked for: inverted grey (light text on the dark screen), plain grey (dark text on light
// notes), and inverted at 1.5× with sparse-text layout (small text between panels).
export function* screenReadings(png, workDir, language = 'nld') {
  const ways = [
    [['-colorspace', 'Gray', '-negate'], '3'],
    [['-colorspace', 'Gray'], '3'],
    [['-colorspace', 'Gray', '-negate', '-resize', '150%'], '11'],
  ];
  for (const [index, [options, psm]] of ways.entries()) {
    const prepared = `${workDir}/ocr-${index}.png`;
    execFileSync('convert', [png, ...options, prepared]);
    yield execFileSync('tesseract', [prepared, '-', '-l', language, '--psm', psm], { stdio: ['ignore', 'pipe', 'ignore'] }).toString();
  }
}

function distance(a, b) {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

// Whether TEXT (an OCR reading) holds WORD: as part of a word, or a word one letter off (for
// words of 7 letters or more: "rn" read as "m" and the like).
export function readsWord(text, word) {
  const wanted = word.toLowerCase();
  const words = text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return words.some((w) => w.includes(wanted) || (wanted.length >= 7 && Math.abs(w.length - wanted.length) <= 1 && distance(w, wanted) <= 1));
}

// Which of WORDS the screenshot PNG shows, reading it in each way (the first `ways` of them)
// until all are found: a word reported missing was looked for in every reading made.
export function wordsOnScreen(png, workDir, words, { language = 'nld', ways = 3 } = {}) {
  const found = new Set();
  const readings = [];
  for (const reading of screenReadings(png, workDir, language)) {
    readings.push(reading);
    for (const word of words) if (readsWord(reading, word)) found.add(word);
    if (found.size === words.length || readings.length >= ways) break;
  }
  return { found, text: readings.join('\n---\n') };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// axe-core's WCAG 2.x A/AA findings on PAGE, one line each ("rule (impact) at selectors").
export async function axeProblems(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }));
  return result.violations.map((v) => `${v.id} (${v.impact}) at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}
