// Phones in a real browser. Three phone-sized Chromium contexts open the URL decoded from the
// kiosk's QR code, join, and take part: check-in answers, facts (one with markup in it), an
// edit and a withdrawal, problem statements, a dot vote, "ready" from everyone, and a phone
// that loses its connection and catches up without a reload. The kiosk must advance by itself
// when everyone is ready. Usage: node phones.mjs JOIN_URL OUT_DIR KIOSK_LOG
import { harness, launchChromium, phoneContext } from './harness.mjs';
import { execFileSync } from 'node:child_process';

const [joinUrl, outDir, kioskLog] = process.argv.slice(2);
const { check, expectScene, finish } = harness(kioskLog);

const browser = await launchChromium();

try {
  const phones = [];
  for (let i = 0; i < 3; i++) {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    page.on('dialog', (dialog) => { check(false, 'no script from a note ever runs (a dialog opened)'); dialog.dismiss(); });
    page.on('pageerror', (error) => check(false, 'phone ' + i + ' has no script errors: ' + error.message));
    phones.push({ context, page });
  }
  const [anna, bram, cas] = phones.map((p) => p.page);

  // Joining: the page from the QR, one big button.
  for (const { page } of phones) {
    await page.goto(joinUrl);
    await page.getByRole('button', { name: 'Doe mee' }).tap();
    await page.getByText('Je doet mee').waitFor();
  }
  await anna.locator('#joined').getByText('3 doen mee').waitFor();
  check(true, 'three phones joined through the QR link, and the first sees all three');
  await anna.screenshot({ path: outDir + '/phone-lobby.png' });

  // The room starts the check-in on the kiosk's keyboard.
  execFileSync('xdotool', ['key', 'F5']);
  await expectScene('checkin');
  await anna.getByText('Check-in', { exact: true }).first().waitFor();
  const answers = ['Een klant bedankte me', 'Veel gezocht naar dossiers', 'Trots op de maandag'];
  for (const [i, page] of [anna, bram, cas].entries()) {
    await page.locator('#text').fill(answers[i]);
    await page.getByRole('button', { name: 'Toevoegen' }).tap();
    await page.locator('#mine').getByText(answers[i]).waitFor();
  }
  check(await anna.locator('#compose').innerText().then((t) => t.includes('genoeg')), 'one answer per person at check-in');
  await anna.screenshot({ path: outDir + '/phone-checkin.png' });
  for (const page of [anna, bram, cas]) await page.getByRole('button', { name: 'Ik ben klaar' }).tap();
  await expectScene('analyse');
  await anna.getByRole('heading', { name: 'Analyse van de werksituatie' }).waitFor();
  check(true, 'everyone ready moved the kiosk and the phones to the analysis');

  // Facts, one of them hostile markup: it must show as text and never run.
  const hostile = '<img src=x onerror="alert(1)"><b>vet</b>';
  await anna.locator('#text').fill('De klant belde drie keer');
  await anna.getByRole('button', { name: 'Toevoegen' }).tap();
  await anna.locator('#mine').getByText('De klant belde drie keer').waitFor();
  await bram.locator('#text').fill(hostile);
  await bram.getByRole('button', { name: 'Toevoegen' }).tap();
  await bram.locator('#mine').getByText(hostile).waitFor();
  check(await bram.locator('#mine img').count() === 0, 'markup in a note is shown as text on the phone');

  // Edit and withdraw one's own note.
  await anna.locator('#mine').getByRole('button', { name: 'Wijzig' }).tap();
  await anna.locator('#mine textarea').fill('De klant belde vier keer');
  await anna.locator('#mine').getByRole('button', { name: 'Opslaan' }).tap();
  await anna.locator('#mine').getByText('De klant belde vier keer').waitFor();
  await cas.locator('#text').fill('Iets wat ik terugneem');
  await cas.getByRole('button', { name: 'Toevoegen' }).tap();
  await cas.locator('#mine').getByRole('button', { name: 'Trek in' }).tap();
  await cas.locator('#mine .note').waitFor({ state: 'detached' });
  check(true, 'a participant edits and withdraws their own notes');

  // Undo right after adding: the button beside "Opgeslagen" takes the note back.
  await cas.locator('#text').fill('Per ongeluk verstuurd');
  await cas.getByRole('button', { name: 'Toevoegen' }).tap();
  await cas.locator('#mine').getByText('Per ongeluk verstuurd').waitFor();
  await cas.screenshot({ path: outDir + '/phone-undo.png' });
  await cas.locator('#banner').getByRole('button', { name: 'Ongedaan maken' }).tap();
  await cas.locator('#mine .note').waitFor({ state: 'detached' });
  await cas.locator('#banner').getByText('Teruggenomen').waitFor();
  check(true, 'a participant undoes the note just added');

  // Too long: the phone says so in Dutch and keeps the text.
  await cas.locator('#text').evaluate((box) => { box.removeAttribute('maxlength'); });
  await cas.locator('#text').fill('x'.repeat(300));
  await cas.getByRole('button', { name: 'Toevoegen' }).tap();
  await cas.locator('#banner').getByText('maximaal 280 tekens').waitFor();
  check((await cas.locator('#text').inputValue()).length === 300, 'a refused text stays on the phone');
  await anna.screenshot({ path: outDir + '/phone-analyse.png' });

  // A phone that loses its connection catches up when it is back, without a reload.
  await cas.context().setOffline(true);
  for (const page of [anna, bram, cas]) await page.getByRole('button', { name: 'Ik ben klaar' }).tap().catch(() => {});
  await cas.context().setOffline(false);
  await cas.getByRole('button', { name: 'Ik ben klaar' }).tap();
  await expectScene('probleemstelling');
  await cas.getByRole('heading', { name: 'Probleemstelling' }).waitFor({ timeout: 15000 });
  check(true, 'a phone back online follows the kiosk without a reload');

  // Problem statements, then the dot vote.
  const statements = ['Hoe kunnen we terugbellen zichtbaar maken, zodat niemand iets vergeet?',
                      'Hoe kunnen we de overdracht korter maken, zodat de late dienst direct begint?',
                      'Hoe kunnen we één bron gebruiken, zodat antwoorden kloppen?'];
  for (const [i, page] of [anna, bram, cas].entries()) {
    await page.locator('#text').fill(statements[i]);
    await page.getByRole('button', { name: 'Toevoegen' }).tap();
    await page.locator('#mine').getByText(statements[i]).waitFor();
    await page.getByRole('button', { name: 'Ik ben klaar' }).tap();
  }
  await expectScene('probleemstelling-vote');
  await anna.getByText('Nog 3 stippen over').waitFor();
  // The second statement gets 4 dots, the first 3, the third 2.
  const vote = async (page, picks) => {
    for (const pick of picks) await page.locator('#vote button.candidate', { hasText: statements[pick].slice(0, 30) }).tap();
    await page.getByText('Nog 0 stippen over').waitFor();
  };
  await vote(anna, [1, 1, 0]);
  await vote(bram, [1, 2, 1]);
  await vote(cas, [0, 0, 2]);
  await anna.screenshot({ path: outDir + '/phone-vote.png' });
  check(await anna.locator('#results').innerText() === '', 'no result is shown while voting');
  await new Promise((r) => setTimeout(r, 700));  // the phones send their dots after a short pause
  for (const page of [anna, bram, cas]) await page.getByRole('button', { name: 'Ik ben klaar' }).tap();
  await expectScene('probleemstelling-results');
  await anna.locator('#results .result').first().waitFor();
  const first = await anna.locator('#results .result').first().innerText();
  check(first.includes('overdracht korter') && first.includes('4 stippen'), 'the ranking puts the statement with 4 dots first: ' + first);
  await anna.screenshot({ path: outDir + '/phone-results.png' });

  for (const page of [anna, bram, cas]) await page.getByRole('button', { name: 'Ik ben klaar' }).tap();
  await expectScene('brainstorm');
  // Every phone has caught up before it asks (a tap on the last stage's button is refused as 'already further').
  for (const page of [anna, bram, cas]) await page.getByRole('heading', { name: 'Brainstorm' }).waitFor();
  check(true, 'everyone ready after the result moves on to the brainstorm');

  // A majority asking for more time extends the stage once.
  for (const page of [anna, bram]) await page.getByRole('button', { name: 'Meer tijd vragen' }).tap();
  await cas.getByText('De groep heeft al extra tijd gekregen.').waitFor();
  check(true, 'a majority for more time extends the stage');
} catch (error) {
  check(false, 'the walk through the session completed: ' + error.message);
} finally {
  await browser.close();
}

finish('phones in chromium');
