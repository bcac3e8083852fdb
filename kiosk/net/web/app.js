// The phone page. Joins the session from the QR's URL, keeps a live stream of this phone's
// state (Server-Sent Events; the browser reconnects by itself, and we resync after sleep),
// and offers exactly what the current stage asks for. Text from people is only ever set as
// textContent: it is shown, never run.
'use strict';

const token = decodeURIComponent(location.pathname.replace(/^\/j\//, ''));
const hostCode = new URLSearchParams(location.search).get('host');
const storageKey = 'vitale:' + token;

// dom.js (loaded first) holds T, $, app, present, count, t, counterText, el, put, makeBanner
// and makeSections. The screens' parts are loaded before this file, in this order:
// app-join.js, app-lobby.js, app-stage.js, app-ai.js, app-validation.js, app-wrapup.js,
// app-host.js, app-ended.js. Their top level only declares; what runs by itself (the stream,
// the countdown, start) starts at the end of this file, when every part is there.

let maxText = 0;       // the kiosk's note length (max_text); 0 = not known
let limits = {};       // what the kiosk accepts per POST route and field (/api/strings)
let key = null;        // this phone's secret in the session
let state = null;      // the latest state from the kiosk
let receivedAt = 0;    // performance.now() when it arrived, for the local countdown
let source = null;     // the EventSource

const banner = makeBanner({ errorMs: 8000, noticeMs: 2500, keep: 'hidden' });
const { section, forget: forgetDrawn } = makeSections(app, { focus: 'fields', keepText: true });

// "1 stip" / "3 stippen": the _one text for a count of one (when the language has one).
function plural(name, n) { return n === 1 && T[name + '_one'] ? t(name + '_one') : t(name, { n: count(n) }); }

// A field's rule from the kiosk: limit('/api/join', 'name', 'max'); undefined when not sent.
function limit(route, field, property) {
  const spec = ((limits.fields || {})[route] || {})[field];
  const value = spec ? spec[property] : undefined;
  return Number.isFinite(value) ? value : undefined;
}
// The most characters a text field takes; a form without a known limit leaves it to the kiosk.
function textMax(route, field) {
  return limit(route, field, 'max') || (maxText > 0 ? maxText : undefined);
}

// ---- talking to the kiosk -------------------------------------------------------------

// "Verbinding weg": stays until the stream is back.
function reconnecting() {
  banner(t('reconnecting'), true);
  clearTimeout(banner.timer);
  banner.reconnecting = true;
}

async function send(path, body) {
  try {
    const response = await fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(Object.assign({ key }, body)),
    });
    const reply = await response.json().catch(() => ({}));
    if (!response.ok) {
      banner(reply.message || t('err_server'), true);
      if (response.status === 401 || response.status === 410) ended();
      return null;
    }
    return reply;
  } catch (e) {
    banner(t('err_offline'), true);
    return null;
  }
}

function connect() {
  if (source) source.close();
  source = new EventSource('/api/events?key=' + encodeURIComponent(key));
  source.onmessage = (event) => {
    // Back in touch: only the "reconnecting" notice goes; a "saved" or an error stays readable.
    if (banner.reconnecting) { banner(''); banner.reconnecting = false; }
    receive(JSON.parse(event.data));
  };
  source.onerror = () => {
    // The browser retries by itself; when it gave up (the kiosk refused us), ask why.
    reconnecting();
    if (source.readyState === EventSource.CLOSED) setTimeout(resync, 2000);
  };
}

async function resync() {
  try {
    const response = await fetch('/api/state?key=' + encodeURIComponent(key));
    if (response.status === 401 || response.status === 410) return ended();
    if (response.ok) receive(await response.json());
    if (!source || source.readyState === EventSource.CLOSED) connect();
  } catch (e) {
    reconnecting();
    setTimeout(resync, 3000);
  }
}

function receive(next) {
  if (next.phase === 'ended') return ended();
  if (state && state.v > next.v) return;  // an older state arriving late
  const stageChanged = !state || !state.stage || !next.stage || state.stage.id !== next.stage.id ||
                       state.stage.part !== next.stage.part;
  // A new stage: what was being typed belonged to the last one (section() keeps it otherwise).
  if (stageChanged) { myDots = null; editing = 0; if (document.activeElement) document.activeElement.blur(); }
  state = next;
  receivedAt = performance.now();
  render();
}

async function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
  // Over plain http on the room's network the clipboard API is missing: the old way still works.
  const area = el('textarea', { readonly: true });
  area.value = text;
  document.body.append(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new Error('copy');
}

function decisionName(kind) { return kind ? t('decision_' + kind) : ''; }

// ---- drawing --------------------------------------------------------------------------

function render() {
  if (!app.querySelector('#intro')) { put(app); forgetDrawn(); }
  const s = state;
  const stage = s.stage;
  $('stage-label').textContent = !stage ? t('title')
    : stage.number === 0 ? t('checkin') : t('stage_of', { n: stage.number, total: stage.count });
  tick();

  section('intro', [s.phase, stage && stage.id, stage && stage.part, s.phase === 'lobby' && s.people.joined], () => {
    if (s.phase === 'lobby')
      return [el('h1', { text: t('title') }), el('p', { class: 'card', text: t('lobby') }),
        el('p', { class: 'counter', id: 'joined', text: t('joined_count', { n: s.people.joined }) })];
    if (s.phase === 'wrapup') return [el('h1', { text: t('wrapup') })];
    if (!stage) return [];
    const nodes = [el('h1', { text: stage.title }), el('p', { class: 'muted', text: stage.task })];
    if (stage.number === 0) nodes.push(el('p', { class: 'card question', text: stage.questions[0] }));
    return nodes;
  });
  const inStep = s.phase === 'step';
  // The format's surprise card, as the screen shows it (a role, a constraint, a question …).
  const card = inStep ? stage.surprise : null;
  section('surprise', [card], () => card ? [el('div', { class: 'card surprise', role: 'note' },
    el('p', { class: 'label', text: t('surprise_label', { kind: t('card_' + card.kind) }) }),
    el('p', { class: 'question', text: card.text }), ...(card.by ? [el('p', { class: 'muted', text: '— ' + card.by })] : []))] : []);
  // A clip or sound the screen plays now: that it plays, what it shows, and its caption as it goes.
  const media = inStep ? stage.media : null;
  section('media', [media && media.kind, media && media.alt, media && media.caption], () => media ? [el('div', { class: 'card media', role: 'status' },
    el('p', { class: 'label', text: t('media_playing_' + media.kind) }),
    ...(media.caption ? [el('p', { class: 'question', text: media.caption })] : []),
    el('p', { class: 'muted', text: media.alt }))] : []);
  const part = inStep ? stage.part : '';
  const ai = inStep ? s.proposal : null;
  const writes = inStep && part === 'write' && (['answer', 'facts', 'statements', 'ideas'].includes(stage.contribute) ||
    (stage.contribute === 'constraints' && ai && ai.state === 'collecting'));
  section('compose', [writes, stage && stage.id, s.me.notes.length, stage && stage.max], () => writes ? composer() : []);
  section('mine', [writes, s.me.notes, editing], () => writes ? mine() : []);
  section('vote', [part === 'vote', s.notes, myDots || s.me.dots, stage && stage.dots], () => part === 'vote' ? voting() : []);
  section('runoff', [s.runoff], () => s.runoff ? runoff(s.runoff) : []);
  section('results', [part === 'results', s.results], () => part === 'results' && s.results ? results() : []);
  const watch = inStep && !writes && part === 'write' && !ai && !s.validation;
  section('watch', [watch], () => watch ? [el('p', { class: 'card', text: t('watch_screen') })] : []);
  // The AI stage: where the proposal is, its paragraphs to mark, the prompt, the manual route.
  section('ai-status', ai && [ai.state, ai.removed, ai.latest && ai.latest.failure], () => ai ? aiStatus(ai) : []);
  section('ai-text', ai && ai.latest, () => ai && ai.latest ? aiText(ai) : []);
  section('ai-prompt', ai && [ai.has_prompt, ai.request, promptOpen, prompt.request], () => ai && ai.has_prompt ? aiPrompt(ai) : []);
  section('ai-paste-section', ai && [ai.takes_paste, ai.request], () => ai && ai.takes_paste ? aiPaste() : []);
  section('ai-again-section', ai && ai.may_ask_again, () => ai && ai.may_ask_again ? [el('button', { class: 'small', id: 'ai-again',
    text: t('ai_again'), onclick: () => send('/api/proposal/again', { stage: state.stage.id }) })] : []);
  // The lobby's choices, the validation stage, the wrap-up.
  const lobby = s.lobby;
  section('lobby-videoframe', lobby && lobby.videoframes, () => lobby ? videoframePicker(lobby.videoframes) : []);
  section('lobby-situation', lobby && [lobby.situation], () => lobby ? situationForm(lobby) : []);
  section('lobby-framing', lobby && [lobby.framing, lobby.my_framing], () => lobby ? framingPicker(lobby) : []);
  section('lobby-reviews', lobby && lobby.reviews, () => lobby && lobby.reviews.length ? reviewList(lobby.reviews) : []);
  section('framing', inStep && s.framing && [s.framing, s.situation], () =>
    inStep && s.framing ? [el('p', { class: 'muted framing', text: t('framing_label') + ': ' + s.framing.join(' · ') })] : []);
  const v = inStep ? s.validation : null;
  section('val-score', v && part === 'write' && [v.criteria.length, stage.id], () => v && part === 'write' ? scoreForm(v) : []);
  section('val-objection', v && part !== 'results' && [part, v.my_objection || ''], () => v && part !== 'results' ? objectionForm(v) : []);
  section('val-decide', v && part === 'vote' && [v.proposed, v.my_vote || ''], () => v && part === 'vote' ? decisionVote(v) : []);
  section('val-owner', v && part === 'results' && [v.decided, v.owner, v.i_own, v.first_step, v.review_date, v.edits],
    () => v && part === 'results' ? ownerPart(v) : []);
  const w = s.phase === 'wrapup' ? s.wrapup : null;
  section('wrapup', w && [w.decision, w.situation, w.my_shared || ''], () => w ? wrapupPart(w) : []);
  // The suggestions for the coffee corner's next question (beside "wrapup" in the state).
  const ideas = w && Array.isArray(s.questions) ? s : null;
  section('wrapup-question', ideas && [ideas.questions, ideas.question_dot, ideas.question_chosen],
    () => ideas ? coffeeQuestionPart(ideas) : []);
  section('footer', [inStep, stage && stage.id, part], () => inStep ? footer() : []);
  updateFooter();
  // The host's tools: the stage's controls and notes while in a stage, the people throughout.
  const people = s.me.host && Array.isArray(s.participants) ? s.participants : null;
  if (removing && !(people || []).some((p) => p.number === removing)) removing = 0;
  section('host', [s.me.host && inStep, s.notes, s.timer && s.timer.paused, people, removing],
    () => s.me.host && (inStep || people) ? hostPanel(inStep, people) : []);
}

// ---- start ----------------------------------------------------------------------------

// A phone that slept may have missed a lot: fetch the state now rather than wait for the stream.
document.addEventListener('visibilitychange', () => { if (!document.hidden && key) resync(); });
setInterval(tick, 250);

(async function start() {
  try {
    const reply = await (await fetch('/api/strings')).json();
    T = reply.strings || {};
    maxText = count(reply.max_text);
    limits = reply.limits || {};
    forgetEndedSessions();
    key = localStorage.getItem(storageKey);
    if (key) return join();  // a reload or a phone back from sleep: same person
    showJoin(reply.show_names);
  } catch (e) {
    noConnection();
    setTimeout(start, 3000);
  }
})();
