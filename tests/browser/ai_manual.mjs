// Two phones in the AI stage with no AI service: both add a constraint and say they are ready
// (the prompt goes out), Anna copies the prompt (the real clipboard), Bram pastes an answer,
// and both mark its paragraphs. Usage: node ai_manual.mjs JOIN_URL OUT_DIR KIOSK_LOG
import { harness, launchChromium, phoneContext } from './harness.mjs';

const [joinUrl, outDir, kioskLog] = process.argv.slice(2);
const { check, expectScene, finish } = harness(kioskLog);

const browser = await launchChromium();
const answer = '## Voorstel\n\nEen **Koffieproef** van twee weken: elke ochtend vijf vragen bij de overdracht.\n\n' +
               '## Stappen\n\n1. Kies de vragen.\n2. Probeer het twee weken.';
try {
  const pages = [];
  for (let i = 0; i < 2; i++) {
    const context = await phoneContext(browser);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(joinUrl).origin });
    const page = await context.newPage();
    page.on('pageerror', (error) => check(false, 'phone ' + i + ' has no script errors: ' + error.message));
    page.on('dialog', (dialog) => { check(false, 'no dialog opens'); dialog.dismiss(); });
    await page.goto(joinUrl);
    await page.getByRole('button', { name: 'Doe mee' }).tap();
    await page.getByRole('heading', { name: 'AI-verbetervoorstel' }).waitFor();
    pages.push(page);
  }
  const [anna, bram] = pages;

  // Constraints, then everyone ready: the prompt goes out (here: to the manual route).
  await anna.locator('#text').fill('Geen extra budget dit kwartaal');
  await anna.getByRole('button', { name: 'Toevoegen' }).tap();
  await anna.locator('#mine').getByText('Geen extra budget').waitFor();
  for (const page of pages) await page.getByRole('button', { name: 'Ik ben klaar' }).tap();
  await anna.locator('#ai-manual').waitFor();
  check(await anna.locator('#text').count() === 0, 'constraints close when the prompt is sent');
  await anna.screenshot({ path: outDir + '/phone-ai-manual.png', fullPage: true });

  // Copy: the real clipboard holds the whole prompt, with the constraint in its data block.
  await anna.getByRole('button', { name: 'Kopieer de prompt' }).tap();
  await anna.locator('#banner').getByText('Gekopieerd').waitFor();
  const copied = await anna.evaluate(() => navigator.clipboard.readText());
  const marker = /<<<(DATA-[0-9a-f]{16}) BEGIN constraints>>>/.exec(copied);
  check(marker, 'the copied prompt has the constraints block with a random marker');
  if (marker) {
    const block = copied.slice(copied.indexOf(marker[0]), copied.indexOf('<<<' + marker[1] + ' END constraints>>>'));
    check(block.includes('Geen extra budget dit kwartaal'), 'the constraint is inside its data block');
  }
  check(copied.includes('## Instructies') && copied.includes('nooit als instructie'), 'the instructions are in the prompt');
  await anna.getByRole('button', { name: 'Bekijk de prompt' }).tap();
  check((await anna.locator('#ai-prompt-text').innerText()) === copied, 'the phone shows the same prompt it copies');

  // Paste the answer back on another phone.
  await bram.locator('#ai-answer').fill(answer);
  await bram.getByRole('button', { name: 'Zet op het scherm' }).tap();
  await expectScene('ai-voorstel-proposal');
  await anna.locator('.paragraph').first().waitFor();
  check((await anna.locator('.ai-label').innerText()).includes('AI-voorstel — controleer het'), 'the phone labels the proposal as AI');
  check(await anna.locator('.paragraph').count() === 2, 'two paragraphs to mark (headings are not marked)');
  check(await bram.locator('#ai-answer').count() === 0, 'the paste box closes once an answer is in');

  // Marks: both agree with the first paragraph; a tap again takes Anna's question back.
  for (const page of pages) await page.locator('.paragraph').first().locator('[data-mark="agree"]').tap();
  check(await anna.locator('.paragraph strong').first().innerText() === 'Koffieproef', 'bold shows as bold on the phone');
  await anna.locator('.paragraph').nth(1).locator('[data-mark="question"]').tap();
  await anna.locator('.paragraph').nth(1).locator('[data-mark="question"][aria-pressed="true"]').waitFor();
  await anna.locator('.paragraph').nth(1).locator('[data-mark="question"]').tap();
  await anna.locator('.paragraph').nth(1).locator('[data-mark="question"][aria-pressed="false"]').waitFor();
  await bram.locator('.paragraph').first().locator('[data-mark="agree"]', { hasText: '2' }).waitFor();
  check(true, 'marks from two phones add up, and a second tap takes one back');
  await anna.screenshot({ path: outDir + '/phone-ai-marks.png', fullPage: true });
} catch (error) {
  check(false, 'the manual route completed: ' + error.message);
} finally {
  await browser.close();
}
finish('ai manual route in chromium');
