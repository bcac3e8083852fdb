// The host's tools (phone.html): the stage's controls, hiding notes, the participants.
'use strict';

let removing = 0;      // the participant the host is asked to confirm removing

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
