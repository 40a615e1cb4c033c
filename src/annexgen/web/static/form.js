// The annex form: rows added, removed and moved; checks and previews as you type;
// a draft kept in this browser; downloads; files opened. No framework, no build.
'use strict';
const form = document.getElementById('annex');
const KIND = form ? form.dataset.kind : '';
const draftKey = (kind) => 'annexgen-draft:' + kind;
let dirty = false;
let timer = null;
let sequence = 0;

function post(url, body, headers) {
  return fetch(url, {method: 'POST', body, headers, credentials: 'same-origin'});
}
function say(id, lines) {
  const box = document.getElementById(id);
  if (!box) return;
  box.replaceChildren(...lines.map((line) => Object.assign(document.createElement('p'), {textContent: line})));
}

// --- rows: names follow positions ("costs.#.amount" → "costs.2.amount")
function positions(el) {
  const out = [];
  for (let item = el.closest('.item'); item; item = item.parentElement.closest('.item')) {
    out.unshift([...item.parentElement.children].indexOf(item));
  }
  return out;
}
function renumber() {
  for (const el of form.querySelectorAll('[data-path]')) {
    const at = positions(el);
    let k = 0;
    const name = el.dataset.path.replace(/#/g, () => at[k++]);
    el.dataset.name = name;
    if (el.matches('input, select, textarea')) { el.name = name; el.id = name; }
    else if (el.matches('label')) el.htmlFor = name;
    if (el.dataset.suffix) el.id = name + el.dataset.suffix;
  }
  for (const list of form.querySelectorAll('[data-list]')) {
    const outer = list.closest('.item');
    const where = outer ? ' (' + outer.querySelector('.row-title').textContent + ')' : '';
    const items = list.querySelector(':scope > .items').children;
    [...items].forEach((item, i) => {
      const n = (i + 1) + '. ';
      item.querySelector(':scope > .row > .row-title').textContent = n + list.dataset.item;
      const tool = (action) => item.querySelector(':scope > .row > .row-tools > [data-action="' + action + '"]');
      tool('up').setAttribute('aria-label', 'Pārvietot ' + n + list.dataset.acc + ' uz augšu' + where);
      tool('down').setAttribute('aria-label', 'Pārvietot ' + n + list.dataset.acc + ' uz leju' + where);
      tool('remove').setAttribute('aria-label', 'Dzēst ' + n + list.dataset.acc + where);
      tool('up').disabled = i === 0;
      tool('down').disabled = i === items.length - 1;
    });
    list.querySelector(':scope > .add').setAttribute('aria-label', 'Pievienot ' + list.dataset.acc + where);
  }
}
function addRow(list) {
  const row = list.querySelector(':scope > template').content.firstElementChild.cloneNode(true);
  list.querySelector(':scope > .items').append(row);
  renumber();
  return row;
}
function listsIn(scope) {
  const owner = scope === form ? null : scope;
  return [...scope.querySelectorAll('[data-list]')].filter((l) => l.parentElement.closest('.item') === owner);
}
function rowCount(values, name) {
  let most = -1;
  for (const key of Object.keys(values)) {
    if (key.startsWith(name + '.')) most = Math.max(most, parseInt(key.slice(name.length + 1), 10));
  }
  return most + 1;
}

// --- values in and out
function collect() {
  const values = {};
  for (const el of form.elements) {
    if (!el.name || el.type === 'file') continue;
    values[el.name] = el.type === 'checkbox' ? String(el.checked) : el.value;
  }
  return values;
}
function fill(values) {
  values = values || {};
  for (const list of listsIn(form)) list.querySelector(':scope > .items').replaceChildren();
  renumber();
  const grow = (scope) => {
    for (const list of listsIn(scope)) {
      const wanted = Math.max(rowCount(values, list.dataset.name), Number(list.dataset.min));
      for (let i = 0; i < wanted; i++) grow(addRow(list));
    }
  };
  grow(form);
  for (const el of form.elements) {
    if (!el.name || el.type === 'file') continue;
    const value = el.name in values ? values[el.name] : (el.dataset.default || '');
    if (el.type === 'checkbox') el.checked = value === 'true';
    else if (el.tagName === 'SELECT' && value === '' && !el.querySelector('option[value=""]')) el.selectedIndex = 0;
    else el.value = value;
  }
}
function encoded(values) {
  return new URLSearchParams({_kind: KIND, ...values});
}

// --- checks and previews
function show(result) {
  for (const box of form.querySelectorAll('.error')) { box.hidden = true; box.textContent = ''; }
  for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  for (const el of form.querySelectorAll('input, select, textarea')) {
    const help = document.getElementById(el.id + '--help');
    if (help) el.setAttribute('aria-describedby', help.id); else el.removeAttribute('aria-describedby');
  }
  const general = [];
  for (const [name, problems] of Object.entries(result.problems)) {
    const text = problems.map((p) => (p.severity === 'warning' ? 'Brīdinājums: ' : '') + p.message).join(' ');
    const box = name && document.getElementById(name + '--error');
    if (!box) { general.push(text); continue; }
    box.textContent = text;
    box.hidden = false;
    const input = form.elements.namedItem(name);
    if (input && input.setAttribute) {
      if (problems.some((p) => p.severity === 'error')) input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', [input.getAttribute('aria-describedby'), box.id].filter(Boolean).join(' '));
    }
  }
  say('general-problems', general);
  for (const box of form.querySelectorAll('[data-preview]')) {
    const text = result.previews[box.dataset.name];
    box.textContent = text ? 'Dokumentā: ' + text : '';
    box.hidden = !text;
  }
  if (result.document) document.getElementById('document').innerHTML = result.document;
  const errors = Object.values(result.problems).flat().filter((p) => p.severity === 'error').length;
  document.getElementById('status').textContent = result.ok ? 'Kļūdu nav: dokumentu var lejupielādēt.' : 'Kļūdu skaits: ' + errors + '.';
}
function validate() {
  const mine = ++sequence;
  post('/validate', encoded(collect())).then((r) => r.json()).then((result) => {
    if (mine === sequence) show(result);
  });
}
function changed() {
  dirty = true;
  localStorage.setItem(draftKey(KIND), JSON.stringify({values: collect()}));
  clearTimeout(timer);
  timer = setTimeout(validate, 300);
}

// --- downloads and files
function fileName(response, fallback) {
  const header = response.headers.get('Content-Disposition') || '';
  const match = /filename\*=UTF-8''([^;]+)/.exec(header);
  return match ? decodeURIComponent(match[1]) : fallback;
}
async function download(what) {
  const status = document.getElementById('status');
  status.textContent = what === 'pdf' ? 'Gatavo PDF…' : 'Gatavo failu…';
  const response = await post('/' + what, encoded(collect()));
  if (response.status === 422) {
    show(await response.json());
    status.textContent = 'Vispirms izlabojiet kļūdas.';
    const first = form.querySelector('[aria-invalid="true"]');
    if (first) first.focus();
    return;
  }
  if (!response.ok) { status.textContent = await response.text(); return; }
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = fileName(response, 'pielikums.' + what);
  document.body.append(link);
  link.click();
  link.remove();
  dirty = false;
  status.textContent = 'Lejupielādēts: ' + link.download;
}
async function openFile(file, problemsId) {
  const response = await post('/open', file, {
    'Content-Type': 'application/octet-stream', 'X-File-Name': encodeURIComponent(file.name)});
  const result = await response.json();
  if (!response.ok) { say(problemsId, result.lines); return; }
  localStorage.setItem(draftKey(result.kind), JSON.stringify({values: result.values, opened: file.name, notes: result.notes}));
  if (result.kind === KIND) { start(); return; }
  dirty = false;
  location.href = '/new/' + result.kind;
}
function start() {
  const draft = JSON.parse(localStorage.getItem(draftKey(KIND)) || 'null');
  fill(draft ? draft.values : null);
  const notes = draft && draft.opened ? ['Atvērts: ' + draft.opened, ...(draft.notes || [])]
    : draft ? ['Atjaunots šajā pārlūkā saglabātais melnraksts.'] : [];
  say('notices', notes);
  say('open-problems', []);
  if (draft && draft.opened) localStorage.setItem(draftKey(KIND), JSON.stringify({values: collect()}));
  validate();
}

const opener = document.getElementById('open-file');
if (opener) opener.addEventListener('change', () => { if (opener.files[0]) openFile(opener.files[0], 'open-problems'); opener.value = ''; });
window.annexgen = {openFile, draftKey};
if (form) {
  form.addEventListener('input', changed);
  form.addEventListener('submit', (e) => e.preventDefault());
  form.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && e.target.matches('input')) e.preventDefault();
  });
  form.addEventListener('click', (e) => {
    const button = e.target.closest('button');
    if (!button) return;
    if (button.dataset.download) { download(button.dataset.download); return; }
    const action = button.dataset.action;
    if (!action) return;
    const item = button.closest('.item');
    if (action === 'add') {
      const row = addRow(button.closest('[data-list]'));
      row.querySelector('input, select, textarea').focus();
    } else if (action === 'remove') {
      const next = item.nextElementSibling || item.previousElementSibling;
      const list = item.closest('[data-list]');
      item.remove();
      renumber();
      (next ? next.querySelector('button[data-action="remove"]') : list.querySelector(':scope > .add')).focus();
    } else {
      const other = action === 'up' ? item.previousElementSibling : item.nextElementSibling;
      if (action === 'up') other.before(item); else other.after(item);
      renumber();
      (button.disabled ? item.querySelector('[data-action="' + (action === 'up' ? 'down' : 'up') + '"]') : button).focus();
    }
    changed();
  });
  document.getElementById('start-over').addEventListener('click', () => {
    if (!confirm('Notīrīt visu veidlapu?')) return;
    localStorage.removeItem(draftKey(KIND));
    start();
    dirty = false;
  });
  window.addEventListener('beforeunload', (e) => { if (dirty) { e.preventDefault(); e.returnValue = ''; } });
  start();
}
