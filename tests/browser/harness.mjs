// What the browser tests share: counting checks, waiting for the kiosk to show a scene (its
// log says "showing NAME"), Debian's chromium launched headless, and the closing tally.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';

export function harness(kioskLog) {
  const failures = [];
  let passed = 0;
  const check = (condition, what) => {
    if (condition) passed++;
    else { failures.push(what); console.log('FAIL: ' + what); }
  };
  // The scene the kiosk says it shows (its log), waited for up to `seconds`.
  const expectScene = async (name, seconds = 8) => {
    for (let i = 0; i < seconds * 10; i++) {
      const shown = readFileSync(kioskLog, 'utf8').split('\n').filter((l) => l.includes('showing'));
      if (shown.length && shown[shown.length - 1].endsWith('showing ' + name)) return true;
      await new Promise((r) => setTimeout(r, 100));
    }
    check(false, 'the kiosk shows ' + name);
    return false;
  };
  // Prints "WHAT: n passed, m failed" and exits 0 only without failures.
  const finish = (what) => {
    console.log(`${what}: ${passed} passed, ${failures.length} failed`);
    process.exit(failures.length ? 1 : 0);
  };
  return { check, expectScene, finish };
}

export function launchChromium() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync',
           '--disable-dev-shm-usage'],
  });
}

// A phone-sized browser context: what every phone in these tests is.
export function phoneContext(browser, options = {}) {
  return browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'nl-NL', ...options });
}

// `count` phones open the QR's link and join; a script error on any of them fails the test.
export async function joinedPhones(browser, joinUrl, count, check) {
  const pages = [];
  for (let i = 0; i < count; i++) {
    const page = await (await phoneContext(browser)).newPage();
    page.on('pageerror', (error) => check(false, 'phone ' + i + ' has no script errors: ' + error.message));
    await page.goto(joinUrl);
    await page.getByRole('button', { name: 'Doe mee' }).tap();
    await page.getByText('Je doet mee').waitFor();
    pages.push(page);
  }
  return pages;
}
