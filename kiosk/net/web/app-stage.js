// The stage's own parts (phone.html): writing notes, one's own notes, the dot vote, the run-off,
// the results, the ready/more-time footer and the countdown in the header.
'use strict';

let myDots = null;     // the dots while voting, before the kiosk confirms them
let voteTimer = 0;
let editing = 0;       // id of the note being edited

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
    if (reply) { box.value = ''; counter.textContent = counterText('', max); offerUndo(stage.id, reply.id); }
  } });
  return [box, counter, add, left !== null ? el('p', { class: 'counter', text: t('left', { n: left }) }) : null];
}

// After a note is added: "Saved" with an undo button for that note, for as long as the kiosk
// takes it back (the engine's undo window, 30 seconds from adding: session_phones.cpp).
const undoWindowMs = 30000;
function offerUndo(stageId, noteId) {
  banner(t('saved'));
  if (!noteId) return;
  clearTimeout(banner.timer);
  const undo = el('button', { class: 'small', id: 'undo', text: t('undo'), onclick: async () => {
    undo.disabled = true;
    if (await send('/api/notes/undo', { stage: stageId, note: noteId })) banner(t('undone'));
  } });
  $('banner').append(' ', undo);
  banner.timer = setTimeout(() => banner(''), undoWindowMs);
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
