// The room's screen as lan_attack.mjs watches it: the scenes the kiosk logs ("vitale-kiosk:
// showing NAME"), the room's keys (xdotool), screenshots, the QR and the QR panel read back
// with tesseract. DISPLAY is set by the calling shell script (Xvfb, 1920×1080).
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { key as press } from '../crash/kiosk_process.mjs';
import { sleep } from './lan_net.mjs';

export function roomScreen({ log, out, port }) {
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

  // What tesseract reads under the QR in the side panel (lobby and steps at 1920×1080: "Scan en
  // doe mee", the address, "code 482 915" or, when typing is closed, "Scan de QR-code").
  // Light text on dark: grey and inverted; a few crops and sizes, since one reading of large
  // digits can miss (TESTING-NOTES). Returns the readings joined.
  function readQrPanel(name) {
    const shot = screenshot(name);
    const readings = [];
    const crops = [['820x300+1100+740', '100%'], ['820x300+1100+740', '50%'], ['960x540+960+540', '60%']];
    for (const [index, [crop, size]] of crops.entries()) {
      const file = join(out, `${name}-ocr-${index}.png`);
      execFileSync('convert', [shot, '-crop', crop, '+repage', '-colorspace', 'Gray', '-negate', '-resize', size, file]);
      const r = spawnSync('tesseract', [file, '-', '-l', 'nld', '--psm', '6'], { encoding: 'utf8' });
      readings.push(r.stdout || '');
    }
    return readings.join('\n');
  }

  return { scene, showingLines, waitScene, pressForNewScene, press, screenshot, differingPixels, readQrToken, readQrPanel };
}

// The six-digit codes in an OCR reading, the ones after "code" first ("code 482 915").
export function codesIn(text) {
  const found = [];
  for (const m of text.matchAll(/code\s*(\d{3})\s?(\d{3})(?!\d)/gi)) found.push(m[1] + m[2]);
  // Not inside the address ("127.0.0.1:45678"): no dot, colon or digit around it.
  for (const m of text.matchAll(/(?<![\d.:])(\d{3}) ?(\d{3})(?![\d.:])/g)) found.push(m[1] + m[2]);
  return [...new Set(found)];
}
