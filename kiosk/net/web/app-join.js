// The phone page's join screen (phone.html; loaded after dom.js, before app.js).
'use strict';

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
