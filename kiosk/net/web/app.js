// The phone page. Joins the session from the QR's URL, keeps a live stream of this phone's
// state (Server-Sent Events; the browser reconnects by itself, and we resync after sleep),
// and offers exactly what the current stage asks for. Text from people is only ever set as
// textContent: it is shown, never run.
'use strict';

const token = decodeURIComponent(location.pathname.replace(/^\/j\//, ''));
const hostCode = new URLSearchParams(location.search).get('host');
const storageKey = 'vitale:' + token;

let T = {};            // texts in the kiosk's language
let maxText = 0;       // the kiosk's note length (max_text); 0 = not known
let limits = {};       // what the kiosk accepts per POST route and field (/api/strings)
let key = null;        // this phone's secret in the session
let state = null;      // the latest state from the kiosk
let receivedAt = 0;    // performance.now() when it arrived, for the local countdown
let source = null;     // the EventSource
let shown = {};        // signature of each section as last drawn
let myDots = null;     // the dots while voting, before the kiosk confirms them
let voteTimer = 0;
let editing = 0;       // id of the note being edited
let removing = 0;      // the participant the host is asked to confirm removing
let prompt = { request: 0, text: '' };  // the AI prompt as sent, fetched when first wanted
let promptOpen = false;
let farewell = null;   // at the session's end: the private reflection taken out of storage, to show once
let questionDraft = null;  // the wrap-up's coffee-corner question as typed, until it is sent


const $ = (id) => document.getElementById(id);
const app = $('app');

// A number or text from the kiosk worth showing: never null, undefined or NaN.
function present(value) {
  return value !== null && value !== undefined && value !== false && !(typeof value === 'number' && !Number.isFinite(value));
}
function count(value) { return Number.isFinite(value) ? value : 0; }

// "1 stip" / "3 stippen": the _one text for a count of one (when the language has one).
function plural(name, n) { return n === 1 && T[name + '_one'] ? t(name + '_one') : t(name, { n: count(n) }); }

// The text NAME with its {placeholders} filled. A placeholder without a value is left out
// rather than shown as "{n}" or "undefined"; the console says which, for the tests.
function t(name, values) {
  const text = typeof T[name] === 'string' && T[name] ? T[name] : name;
  return text.replace(/\{(\w+)\}/g, (mark, k) => {
    const v = values ? values[k] : undefined;
    if (present(v)) return String(v);
    console.warn('vitale: no value for ' + mark + ' in ' + name);
    return '';
  });
}

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
// "12/280", or "12" when the limit is not known. Counts characters as the kiosk does.
function counterText(text, max) { const n = [...text].length; return max ? n + '/' + max : String(n); }

// Children worth drawing: null, undefined, false and true are skipped (replaceChildren would
// show them as the text "null"); numbers become text.
function drawable(children) {
  return children.flat().filter((c) => c !== null && c !== undefined && c !== false && c !== true && c !== '')
    .map((c) => (typeof c === 'number' ? String(c) : c));
}
function put(parent, ...children) { parent.replaceChildren(...drawable(children)); return parent; }

function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (k === 'text') node.textContent = present(v) ? String(v) : '';
    else if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (present(v)) node.setAttribute(k, v === true ? '' : v);
  }
  node.append(...drawable(children));
  return node;
}

// ---- talking to the kiosk -------------------------------------------------------------

function banner(text, isError) {
  const b = $('banner');
  b.textContent = text || '';
  b.className = isError ? 'error' : '';
  b.hidden = !text;
  clearTimeout(banner.timer);
  banner.reconnecting = false;  // set again by the caller that reports a lost connection
  // A confirmation goes after 2.5 s, a refusal after 8 s (long enough to read).
  if (text) banner.timer = setTimeout(() => { b.hidden = true; }, isError ? 8000 : 2500);
}

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

// A phone that slept may have missed a lot: fetch the state now rather than wait for the stream.
document.addEventListener('visibilitychange', () => { if (!document.hidden && key) resync(); });

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

function ended() {
  if (source) source.close();
  source = null;
  key = null;
  // Taken once: a second call (a late reply, a resync) draws the same page again.
  if (!farewell) farewell = { reflection: forgetSession(storageKey), shared: !!(state && state.wrapup && state.wrapup.my_shared) };
  shown = {};
  if (!$('banner').classList.contains('error')) banner('');  // a "saved" from before is no news now
  $('stage-label').textContent = '';
  $('timer').textContent = '';
  put(app, el('h1', { text: t('ended_title') }), el('p', { text: t('ended_body') }),
    farewell.reflection ? keptReflection(farewell.reflection, farewell.shared) : null);
}

// Everything this phone kept for the session under PREFIX (its key, the private reflection)
// leaves the browser's storage; returns the reflection, to be shown one last time.
function forgetSession(prefix) {
  const reflection = localStorage.getItem(prefix + ':reflection') || '';
  for (const name of Object.keys(localStorage))
    if (name === prefix || name.startsWith(prefix + ':')) localStorage.removeItem(name);
  return reflection.trim() ? reflection : '';
}

// The kiosk serves this page only for the open session's link: what is stored for any other
// link belongs to a session that has ended while the page was closed.
function forgetEndedSessions() {
  for (const name of Object.keys(localStorage)) {
    const other = name.split(':').slice(0, 2).join(':');
    if (name.startsWith('vitale:') && other !== storageKey) forgetSession(other);
  }
}

// The private reflection on the ended page: to copy, since it is no longer kept anywhere.
function keptReflection(text, shared) {
  const block = el('p', { class: 'card kept', id: 'kept-reflection', text });
  const status = el('p', { class: 'counter', id: 'kept-status', role: 'status' });
  const copy = el('button', { class: 'small', id: 'kept-copy', text: t('ended_reflection_copy'), onclick: async () => {
    status.textContent = '';
    try {
      await copyText(text);
      status.textContent = t('ended_reflection_copied');
    } catch (e) {
      // No clipboard (plain http) or refused: the text is selected, to copy by hand.
      const range = document.createRange();
      range.selectNodeContents(block);
      window.getSelection().removeAllRanges();
      window.getSelection().addRange(range);
      status.textContent = t('ended_reflection_copy_failed');
    }
    copy.focus();  // the old way of copying moved the focus away
  } });
  return el('section', { id: 'kept', 'aria-labelledby': 'kept-title' },
    el('h2', { id: 'kept-title', text: t('ended_reflection') }), block, copy, status,
    el('p', { class: 'muted', id: 'kept-forgotten', text: t(shared ? 'ended_reflection_forgotten_shared' : 'ended_reflection_forgotten') }));
}

// ---- joining --------------------------------------------------------------------------

async function join(name) {
  const reply = await send('/api/join', { token, name: name || undefined, key: key || undefined });
  if (!reply) return;
  key = reply.key;
  localStorage.setItem(storageKey, key);
  if (hostCode) {
    history.replaceState(null, '', location.pathname);
    if (await send('/api/host/claim', { code: hostCode })) banner(t('host_welcome'));
  }
  connect();
}

function showJoin(showNames) {
  const name = el('input', { id: 'name', maxlength: textMax('/api/join', 'name'), autocomplete: 'given-name' });
  const button = el('button', { class: 'primary', id: 'join', text: t('join_button'), onclick: () => join(name.value.trim()) });
  put(app,
    el('h1', { text: t('title') }),
    el('p', { text: t('join_intro') }),
    showNames ? el('label', { for: 'name', text: t('name_label') }) : null,
    showNames ? name : null,
    button);
}

// ---- drawing --------------------------------------------------------------------------

function section(id, signature, build) {
  let node = document.getElementById(id);
  if (!node) {
    node = el('section', { id });
    app.append(node);
  }
  const sig = JSON.stringify(signature);
  if (shown[id] === sig) return node;
  shown[id] = sig;
  // Someone else's change redraws the section: the field this person is typing in keeps its
  // text, the cursor and the focus (otherwise a half-written text is silently lost).
  const active = document.activeElement;
  const typing = active && active.id && node.contains(active) && ['INPUT', 'TEXTAREA'].includes(active.tagName)
    ? { id: active.id, value: active.value, start: active.selectionStart, end: active.selectionEnd } : null;
  put(node, build() || []);
  const again = typing && document.getElementById(typing.id);
  if (again && again.value !== typing.value) {
    again.value = typing.value;
    again.dispatchEvent(new Event('input'));  // counters follow
  }
  if (again) {
    again.focus();
    try { again.setSelectionRange(typing.start, typing.end); } catch (e) { /* a date field has no cursor */ }
  }
  return node;
}

function render() {
  if (!app.querySelector('#intro')) { put(app); shown = {}; }
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

function composer() {
  const stage = state.stage;
  const left = stage.max > 0 ? stage.max - state.me.notes.length : null;
  if (left !== null && left <= 0) return [el('p', { class: 'card', text: t('limit_reached') })];
  const max = textMax('/api/notes', 'text');
  const box = el('textarea', { id: 'text', maxlength: max, placeholder: t('hint_' + stage.contribute), rows: 3 });
  const counter = el('div', { class: 'counter', text: counterText('', max) });
  box.addEventListener('input', () => { counter.textContent = counterText(box.value, max); });
  const add = el('button', { class: 'primary', id: 'add', text: t('add'), onclick: async () => {
    if (!box.value.trim()) return banner(t('err_empty'), true);
    add.disabled = true;
    const reply = await send('/api/notes', { stage: stage.id, text: box.value });
    add.disabled = false;
    if (reply) { box.value = ''; counter.textContent = counterText('', max); banner(t('saved')); }
  } });
  return [box, counter, add, left !== null ? el('p', { class: 'counter', text: t('left', { n: left }) }) : null];
}

function mine() {
  if (!state.me.notes.length) return [];
  const stage = state.stage;
  return [el('h2', { text: t('yours') }), ...state.me.notes.map((note) => {
    if (editing === note.id) {
      const box = el('textarea', { maxlength: textMax('/api/notes/edit', 'text'), 'aria-label': t('edit') });
      box.value = note.text;
      return el('div', { class: 'note' }, box, el('div', { class: 'actions' },
        el('button', { class: 'small', text: t('save'), onclick: async () => {
          if (await send('/api/notes/edit', { stage: stage.id, note: note.id, text: box.value })) { editing = 0; render(); }
        } }),
        el('button', { class: 'small', text: t('cancel'), onclick: () => { editing = 0; render(); } })));
    }
    return el('div', { class: 'note' }, el('div', { class: 'text', text: note.text }), el('div', { class: 'actions' },
      el('button', { class: 'small', text: t('edit'), onclick: () => { editing = note.id; render(); } }),
      el('button', { class: 'small', text: t('withdraw'), onclick: () => send('/api/notes/withdraw', { stage: stage.id, note: note.id }) })));
  })];
}

function voting() {
  const stage = state.stage;
  const dots = myDots || state.me.dots.slice();
  const left = stage.dots - dots.length;
  const change = (next) => {
    myDots = next;
    render();
    clearTimeout(voteTimer);
    // One request for a quick series of taps: the whole vote, replacing the last one.
    voteTimer = setTimeout(() => send('/api/vote', { stage: stage.id, dots: myDots }), 400);
  };
  return [
    el('p', { class: 'card', text: t('vote_intro', { dots: stage.dots }) }),
    el('p', { class: 'counter', id: 'dots-left', text: plural('dots_left', left) }),
    ...(state.notes || []).map((note) => {
      const mineOn = dots.filter((id) => id === note.id).length;
      const row = el('button', { class: 'candidate' + (mineOn ? ' chosen' : ''), 'data-note': note.id,
        onclick: () => { if (left > 0) change(dots.concat([note.id])); } },
      el('span', { class: 'text', text: note.text }), el('span', { class: 'dots', text: '●'.repeat(mineOn) }));
      if (!mineOn) return row;
      return el('div', { class: 'row' }, el('div', { class: 'grow' }, row),
        el('button', { class: 'small', 'aria-label': '−', text: '−', onclick: () => {
          const at = dots.lastIndexOf(note.id);
          change(dots.slice(0, at).concat(dots.slice(at + 1)));
        } }));
    })];
}

// A tie at a deciding place: one dot among the tied notes (the run-off), or, tied again,
// the room picks at the screen.
function runoff(r) {
  if (!r.open) return [el('h2', { text: t('runoff_room_title') }), el('p', { class: 'card', id: 'runoff-room', text: t('runoff_room') })];
  return [el('h2', { text: t('runoff_title') }), el('p', { class: 'card', text: t('runoff_intro') }),
    ...r.candidates.map((c) => el('button', { class: 'candidate runoff-pick' + (r.mine === c.id ? ' chosen' : ''), 'data-note': c.id,
      'aria-pressed': r.mine === c.id ? 'true' : 'false',
      onclick: () => send('/api/runoff', { stage: state.stage.id, note: c.id }) },
    el('span', { class: 'text', text: c.text }), el('span', { class: 'dots', text: r.mine === c.id ? '●' : '' })))];
}

function results() {
  return [el('h2', { text: t('results') }), ...(state.results || []).map((r) =>
    el('div', { class: 'result' + (r.chosen ? ' winner' : '') },
      el('span', { class: 'place', text: count(r.place) + '.' }), el('span', { class: 'text', text: r.text }),
      el('span', { class: 'count', text: (r.chosen ? t('chosen') + ' · ' : '') + plural('dots', r.dots) })))];
}

function aiStatus(ai) {
  const lines = [];
  if (ai.state === 'waiting' || ai.state === 'streaming') lines.push(el('p', { class: 'card', text: t('ai_waiting') }));
  if (ai.state === 'manual') lines.push(el('p', { class: 'card', id: 'ai-manual', text: t('ai_manual') }));
  if (ai.state === 'failed' && !(ai.latest && ai.latest.failure === 'skipped'))
    lines.push(el('p', { class: 'card warning', id: 'ai-failed', text: t('ai_failed') }));
  if (ai.has_prompt && ai.removed > 0) lines.push(el('p', { class: 'counter', text: t('ai_removed', { n: ai.removed }) }));
  return lines;
}

function aiText(ai) {
  const latest = ai.latest;
  const label = t('ai_label') + (latest.model ? ' · ' + latest.model : '') + (latest.complete ? '' : ' · ' + t('ai_incomplete'));
  const marks = [['agree', '👍', 'ai_mark_agree'], ['question', '❓', 'ai_mark_question'], ['risk', '⚠️', 'ai_mark_risk']];
  return [el('p', { class: 'ai-label', text: label }), el('p', { class: 'muted', text: t('ai_mark_intro') }),
    ...latest.paragraphs.map((p, index) => {
      if (p.heading) return el('h2', { class: 'ai-heading', text: p.text.replace(/^#+\s*/, '') });
      return el('div', { class: 'paragraph' }, el('div', { class: 'text' }, ...inlineMarkdown(p.text)),
        el('div', { class: 'marks' }, ...marks.map(([name, sign, label]) => el('button', {
          class: 'small mark' + (p.mine === name ? ' on' : ''), 'data-paragraph': index, 'data-mark': name,
          'aria-pressed': p.mine === name ? 'true' : 'false', 'aria-label': t(label),
          text: sign + ' ' + t(label) + ' ' + count((p.marks || {})[name]),
          onclick: () => send('/api/proposal/mark', { stage: state.stage.id, paragraph: index, mark: p.mine === name ? '' : name }),
        }))));
    })];
}

// Bold (**...**) as <strong>, everything else as plain text nodes: never parsed as HTML.
function inlineMarkdown(text) {
  return text.split(/\*\*(.+?)\*\*/s).map((part, i) => (i % 2 ? el('strong', { text: part }) : document.createTextNode(part)));
}

async function loadPrompt() {
  const want = state.proposal.request;
  if (prompt.request === want && prompt.text) return prompt.text;
  const response = await fetch('/api/prompt?key=' + encodeURIComponent(key));
  if (!response.ok) throw new Error('prompt');
  const reply = await response.json();
  prompt = { request: reply.request, text: reply.prompt };
  return prompt.text;
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

function aiPrompt() {
  const toggle = el('button', { class: 'small', id: 'ai-show-prompt', text: promptOpen ? t('ai_hide_prompt') : t('ai_show_prompt'),
    onclick: async () => {
      if (!promptOpen) { try { await loadPrompt(); } catch (e) { return banner(t('err_offline'), true); } }
      promptOpen = !promptOpen;
      render();
    } });
  const copy = el('button', { class: 'small', id: 'ai-copy', text: t('ai_copy'), onclick: async () => {
    try {
      await copyText(await loadPrompt());
      banner(t('ai_copied'));
    } catch (e) {
      promptOpen = true;
      render();
      banner(t('ai_copy_failed'), true);
    }
  } });
  return [el('div', { class: 'row' }, toggle, copy),
    // It scrolls (a long prompt): focusable, so it can be scrolled without a touch screen.
    promptOpen && prompt.text ? el('pre', { class: 'prompt', id: 'ai-prompt-text', tabindex: 0, text: prompt.text }) : null];
}

function aiPaste() {
  const box = el('textarea', { id: 'ai-answer', rows: 8, placeholder: t('ai_paste_label') });
  // No maxlength here: the browser would cut a long paste off silently; say it is too long.
  const max = limit('/api/proposal/answer', 'text', 'max');
  const go = el('button', { class: 'primary', id: 'ai-paste', text: t('ai_paste_button'), onclick: async () => {
    if (!box.value.trim()) return banner(t('err_empty'), true);
    if (max && [...box.value].length > max) return banner(t('err_paste_too_long'), true);
    go.disabled = true;
    const reply = await send('/api/proposal/answer', { stage: state.stage.id, text: box.value });
    go.disabled = false;
    if (reply) { box.value = ''; banner(t('saved')); }
  } });
  return [el('label', { for: 'ai-answer', text: t('ai_paste_label') }), box, go];
}

function decisionName(kind) { return kind ? t('decision_' + kind) : ''; }

function situationForm(lobby) {
  const box = el('textarea', { id: 'situation', rows: 2, maxlength: textMax('/api/lobby/situation', 'text'), placeholder: t('lobby_situation_hint') });
  box.value = lobby.situation || '';
  const save = el('button', { class: 'primary', id: 'situation-save', text: t('lobby_situation_save'), onclick: async () => {
    if (!box.value.trim()) return banner(t('err_empty'), true);
    if (await send('/api/lobby/situation', { text: box.value })) banner(t('saved'));
  } });
  return [el('label', { for: 'situation', text: t('lobby_situation') }), box, save];
}

function framingPicker(lobby) {
  const mine = new Set(lobby.my_framing || []);
  // The kiosk's own limit (its action table); the page is served with the kiosk, so it is always there.
  const most = limit('/api/lobby/framing', 'picks', 'max_items');
  return [el('h2', { text: t('lobby_framing', { n: most }) }), ...(lobby.framing || []).map((q, index) => el('button', {
    class: 'candidate framing-pick' + (mine.has(index) ? ' chosen' : ''), 'data-index': index, 'aria-pressed': mine.has(index) ? 'true' : 'false',
    onclick: () => {
      const next = new Set(mine);
      if (next.has(index)) next.delete(index);
      else if (next.size < most) next.add(index);
      else return banner(t('err_too_many_picks', { max: most }), true);
      send('/api/lobby/framing', { picks: [...next] });
    } }, el('span', { class: 'text', text: q.text }), el('span', { class: 'count', text: q.votes ? plural('lobby_framing_votes', q.votes) : '' })))];
}

function reviewList(reviews) {
  return [el('h2', { text: t('lobby_reviews') }), ...reviews.map((d) => el('div', { class: 'card review' },
    el('p', { class: 'question', text: d.statement || d.situation }),
    el('p', { class: 'muted', text: decisionName(d.kind) + (d.owner ? ' · ' + t('owner_label', { owner: d.owner }) : '') +
      (d.first_step ? ' · ' + d.first_step : '') + (d.review_date ? ' · ' + t('review_by', { date: d.review_date_text }) : '') }),
    el('div', { class: 'row' }, ...['done', 'running', 'dropped'].map((status) => el('button', {
      class: 'small' + (d.review === status ? ' chosen' : ''), 'data-review': status, 'aria-pressed': d.review === status ? 'true' : 'false',
      text: t('review_' + status), onclick: () => send('/api/lobby/review', { decision: d.id, status }) })))))];
}

function scoreForm(v) {
  // The kiosk's range: `min` means "not scored" (0), the buttons run from 1 (or min) to max.
  const low = limit('/api/validation/scores', 'scores', 'min');
  const high = limit('/api/validation/scores', 'scores', 'max');
  const scale = [];
  for (let n = Math.max(low, 1); n <= high; n++) scale.push(n);
  const scores = (v.my_scores || v.criteria.map(() => low)).slice();
  const sendScores = () => send('/api/validation/scores', { stage: state.stage.id, scores });
  const intro = t('validation_score_intro', { min: scale[0], max: high });
  return [el('p', { class: 'card', text: intro }), ...v.criteria.map((c, i) => el('div', { class: 'criterion' },
    el('p', { class: 'name', text: c.name }), el('p', { class: 'muted', text: c.description }),
    el('div', { class: 'scale' }, ...scale.map((n) => {
      const button = el('button', { class: 'small' + (scores[i] === n ? ' chosen' : ''), 'data-criterion': i, 'data-score': n,
        'aria-pressed': scores[i] === n ? 'true' : 'false', text: String(n), onclick: () => {
          scores[i] = n;
          for (const other of button.parentNode.children) {
            const on = Number(other.dataset.score) === n;
            other.className = 'small' + (on ? ' chosen' : '');
            other.setAttribute('aria-pressed', on ? 'true' : 'false');
          }
          sendScores();
        } });
      return button;
    }))))];
}

function objectionForm(v) {
  const box = el('textarea', { id: 'objection', rows: 2, maxlength: textMax('/api/validation/objection', 'text'), placeholder: t('validation_objection') });
  box.value = v.my_objection || '';
  return [el('label', { for: 'objection', text: t('validation_objection') }), box,
    el('button', { class: 'small', id: 'objection-send', text: t('validation_objection_send'), onclick: async () => {
      if (!box.value.trim()) return banner(t('err_empty'), true);
      if (await send('/api/validation/objection', { stage: state.stage.id, text: box.value })) banner(t('saved'));
    } })];
}

function decisionVote(v) {
  return [el('p', { class: 'card question', id: 'proposed', text: t('validation_proposed', { decision: decisionName(v.proposed) }) }),
    el('h2', { text: t('validation_vote_intro') }),
    ...['doen', 'aanpassen', 'parkeren'].map((kind) => el('button', {
      class: 'candidate decision' + (v.my_vote === kind ? ' chosen' : ''), 'data-decision': kind,
      'aria-pressed': v.my_vote === kind ? 'true' : 'false',
      onclick: () => send('/api/validation/decision', { stage: state.stage.id, decision: kind }) },
    el('span', { class: 'text', text: decisionName(kind) + (kind === v.proposed ? ' ✓' : '') })))];
}

function ownerPart(v) {
  const nodes = [el('p', { class: 'card question', id: 'decided', text: t('validation_decided', { decision: decisionName(v.decided) }) })];
  if (v.decided === 'parkeren') return nodes.concat([el('p', { class: 'muted', text: t('validation_parked') })]);
  if (!present(v.owner) && !v.i_own) {
    const name = el('input', { id: 'owner-name', maxlength: textMax('/api/validation/volunteer', 'name'), placeholder: t('validation_owner_name') });
    nodes.push(el('label', { for: 'owner-name', text: t('validation_owner_name') }), name,
      el('button', { class: 'primary', id: 'volunteer', text: t('validation_volunteer'), onclick: () =>
        send('/api/validation/volunteer', { stage: state.stage.id, name: name.value }) }));
  } else if (present(v.owner)) {
    // An owner who gave no name (and joined without one) is still an owner.
    nodes.push(el('p', { class: 'muted', id: 'owner', text: v.owner ? t('validation_owner_is', { owner: v.owner }) : t('validation_owner_someone') }));
  }
  if (v.i_own) {
    const step = el('textarea', { id: 'first-step', rows: 2, maxlength: textMax('/api/validation/commit', 'first_step') });
    step.value = v.first_step || '';
    const date = el('input', { id: 'review-date', type: 'date' });
    date.value = v.review_date || '';
    nodes.push(el('label', { for: 'first-step', text: t('validation_first_step') }), step,
      el('label', { for: 'review-date', text: t('validation_review_date') }), date,
      el('button', { class: 'primary', id: 'commit', text: t('validation_commit'), onclick: async () => {
        if (!step.value.trim()) return banner(t('err_empty'), true);
        if (await send('/api/validation/commit', { stage: state.stage.id, first_step: step.value, review_date: date.value })) banner(t('saved'));
      } }));
  } else if (v.first_step) {
    nodes.push(el('p', { class: 'card', text: v.first_step + (v.review_date ? ' · ' + t('review_by', { date: v.review_date_text }) : '') }));
  }
  if (v.decided === 'aanpassen') {
    const box = el('textarea', { id: 'edit', rows: 2, maxlength: textMax('/api/validation/edit', 'text'), placeholder: t('validation_edit') });
    nodes.push(el('label', { for: 'edit', text: t('validation_edit') }), box,
      el('button', { class: 'small', id: 'edit-send', text: t('validation_edit_send'), onclick: async () => {
        if (!box.value.trim()) return banner(t('err_empty'), true);
        if (await send('/api/validation/edit', { stage: state.stage.id, text: box.value })) { box.value = ''; banner(t('saved')); }
      } }), ...(v.edits || []).map((e) => el('p', { class: 'note', text: e })));
  }
  return nodes;
}

function wrapupPart(w) {
  const d = w.decision;
  const nodes = [el('h2', { text: t('wrapup_summary') }), el('div', { class: 'card', id: 'summary' },
    w.situation ? el('p', { text: w.situation }) : null, w.statement ? el('p', { class: 'question', text: w.statement }) : null,
    d ? el('p', { text: decisionName(d.kind) + (d.owner ? ' · ' + t('owner_label', { owner: d.owner }) : '') +
      (d.review_date ? ' · ' + t('review_by', { date: d.review_date_text }) : '') }) : null)];
  // The personal reflection stays on this phone unless it is shared.
  const saved = localStorage.getItem(storageKey + ':reflection') || '';
  const box = el('textarea', { id: 'reflection', rows: 3, maxlength: textMax('/api/wrapup/share', 'text'), 'aria-label': t('wrapup_reflection') });
  box.value = saved;
  box.addEventListener('input', () => localStorage.setItem(storageKey + ':reflection', box.value));
  nodes.push(el('h2', { text: t('wrapup_reflection') }), el('p', { class: 'card question', text: w.question }),
    el('p', { class: 'muted', text: t('wrapup_reflection_private') }), box,
    el('button', { class: 'small', id: 'share', text: t('wrapup_reflection_share'), onclick: async () => {
      if (!box.value.trim()) return banner(t('err_empty'), true);
      if (await send('/api/wrapup/share', { text: box.value })) banner(t('wrapup_shared'));
    } }));
  if (w.my_shared) nodes.push(el('p', { class: 'muted', text: t('wrapup_shared') }));
  return nodes;
}

// The wrap-up's question for next week's coffee corner: each phone suggests one (again =
// replace it) and gives one dot to one suggestion (again = move it); the one with most dots is
// chosen. What is typed survives a redraw by someone else's suggestion or dot (questionDraft).
function coffeeQuestionPart(w) {
  const mine = w.questions.find((q) => q && q.mine);
  const box = el('textarea', { id: 'question-idea', rows: 2, maxlength: textMax('/api/wrapup/question', 'text'),
    placeholder: t('wrapup_question_hint') });
  box.value = questionDraft !== null ? questionDraft : mine ? mine.text : '';
  box.addEventListener('input', () => { questionDraft = box.value; });
  const save = el('button', { class: 'small', id: 'question-send', text: t(mine ? 'wrapup_question_change' : 'wrapup_question_send'),
    onclick: async () => {
      if (!box.value.trim()) return banner(t('err_empty'), true);
      save.disabled = true;
      const reply = await send('/api/wrapup/question', { text: box.value });
      save.disabled = false;
      if (reply) { questionDraft = null; banner(t('wrapup_question_saved')); }
    } });
  const dot = w.question_dot;
  const list = w.questions.filter((q) => q && present(q.id)).map((q) => el('button', {
    class: 'candidate question-idea' + (dot === q.id ? ' chosen' : ''), 'data-idea': q.id, 'aria-pressed': dot === q.id ? 'true' : 'false',
    onclick: () => { if (dot !== q.id) send('/api/wrapup/question-dot', { idea: q.id }); } },
  el('span', { class: 'text', text: q.text }), q.mine ? el('span', { class: 'mine', text: t('wrapup_question_yours') }) : null,
  el('span', { class: 'dots', 'aria-hidden': 'true', text: dot === q.id ? '●' : '' })));
  return [el('h2', { id: 'question-title', text: t('wrapup_question_title') }),
    el('p', { class: 'muted', text: t('wrapup_question_intro') }),
    el('label', { for: 'question-idea', text: t(mine ? 'wrapup_question_label_mine' : 'wrapup_question_label') }), box, save,
    list.length ? el('p', { class: 'muted', id: 'question-dot-intro', text: t('wrapup_question_dot_intro') }) : null, ...list,
    el('p', { class: 'card question', id: 'question-chosen', text: w.question_chosen
      ? t('wrapup_question_chosen', { question: w.question_chosen }) : t('wrapup_question_none') })];
}

// Built once per stage and then updated in place: a button must never be replaced under a
// finger that is about to tap it (someone else getting ready changes the counts).
function footer() {
  const readyButton = el('button', { class: 'ready', id: 'ready', onclick: () =>
    send('/api/ready', { stage: state.stage.id, ready: !state.me.ready }) });
  const moreButton = el('button', { class: 'small', id: 'more-time', text: t('more_time'), onclick: () =>
    send('/api/more-time', { stage: state.stage.id }) });
  return [readyButton, el('p', { class: 'counter', id: 'ready-count' }),
    el('div', { class: 'footer' }, moreButton, el('p', { class: 'counter', id: 'more-count' }))];
}

function updateFooter() {
  const s = state;
  const ready = $('ready');
  if (!ready || s.phase !== 'step') return;
  ready.textContent = s.me.ready ? t('not_ready') : t('ready');
  ready.className = 'ready' + (s.me.ready ? ' on' : '');
  $('ready-count').textContent = t('ready_count', { ready: s.people.ready, joined: s.people.joined });
  const more = s.more_time;
  $('more-time').hidden = more.given;
  $('more-time').disabled = s.me.more_time;
  $('more-count').textContent = more.given ? t('more_time_given')
    : t('more_time_votes', { votes: more.votes, joined: s.people.joined, minutes: more.minutes });
}

function hostPanel(inStep, people) {
  const host = (path) => () => send('/api/host/' + path, {});
  return [el('div', { class: 'card host' }, el('h2', { text: t('host_title') }),
    inStep && el('div', { class: 'row' },
      el('button', { class: 'small', text: t('host_pause'), onclick: host('pause') }),
      el('button', { class: 'small', text: t('host_extend'), onclick: host('extend') }),
      el('button', { class: 'small', text: t('host_next'), onclick: host('next') })),
    ...(inStep ? state.notes || [] : []).map((note) => el('div', { class: 'note' }, el('div', { class: 'text', text: note.text }),
      el('button', { class: 'small', text: t('host_hide'), onclick: () => send('/api/host/hide', { note: note.id }) }))),
    people && participantList(people))];
}

// "Deelnemer 3" or the name, each with "Verwijder"; removing asks first, here on the page
// (a confirm() dialog is easy to tap away and looks like the browser's, not the kiosk's).
function participantList(people) {
  const label = (p) => (p.name ? p.name : t('host_participant', { n: p.number }));
  const rows = people.map((p) => {
    if (p.me) return el('div', { class: 'person', 'data-participant': p.number },
      el('span', { class: 'text', text: label(p) }), el('span', { class: 'muted', text: t('host_you') }));
    if (removing === p.number) return el('div', { class: 'person confirm', 'data-participant': p.number },
      el('p', { class: 'text', id: 'remove-question', tabindex: -1, text: t('host_remove_confirm', { name: label(p) }) }),
      el('div', { class: 'row' },
        el('button', { class: 'small danger', id: 'remove-yes', text: t('host_remove_yes'), onclick: async () => {
          const reply = await send('/api/host/remove', { participant: p.number });
          removing = 0;
          render();
          if (reply) banner(t('host_removed', { name: label(p) }));
        } }),
        el('button', { class: 'small', id: 'remove-no', text: t('cancel'), onclick: () => { removing = 0; render(); } })));
    return el('div', { class: 'person', 'data-participant': p.number }, el('span', { class: 'text', text: label(p) }),
      el('button', { class: 'small', 'data-remove': p.number, text: t('host_remove'), 'aria-label': t('host_remove') + ': ' + label(p),
        onclick: () => { removing = p.number; render(); $('remove-question').focus(); } }));
  });
  return [el('h2', { id: 'participants', text: t('host_participants') }), ...rows];
}

// The countdown runs on the phone between updates; the kiosk's state corrects it each time.
function tick() {
  const timer = $('timer');
  if (!state || !state.timer || state.phase !== 'step') { timer.textContent = ''; return; }
  if (state.timer.paused) { timer.textContent = t('paused'); timer.className = 'paused'; return; }
  const left = Math.max(0, count(state.timer.remaining_ms) - (performance.now() - receivedAt));
  const seconds = Math.ceil(left / 1000);
  timer.textContent = Math.floor(seconds / 60) + ':' + String(seconds % 60).padStart(2, '0');
  timer.className = seconds <= limits.warning_seconds ? 'warning' : '';
}
setInterval(tick, 250);

// ---- start ----------------------------------------------------------------------------

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
    put(app, el('p', { class: 'card', text: 'Geen verbinding met het scherm. / No connection to the screen.' }));
    setTimeout(start, 3000);
  }
})();
