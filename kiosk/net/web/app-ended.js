// The session's end (phone.html) and what the phone keeps in its storage meanwhile.
'use strict';

let farewell = null;   // at the session's end: the private reflection taken out of storage, to show once

function ended() {
  if (source) source.close();
  source = null;
  key = null;
  // Taken once: a second call (a late reply, a resync) draws the same page again.
  if (!farewell) farewell = { reflection: forgetSession(storageKey), shared: !!(state && state.wrapup && state.wrapup.my_shared) };
  forgetDrawn();
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
