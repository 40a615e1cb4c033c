// The annex form: rows added, removed and moved; a table's rows as a grid; checks and
// previews as you type; a draft kept in this browser; downloads; files opened.
// No framework, no build. The words come from the page (#page-words), in its language.
'use strict';
const WORDS = JSON.parse(document.getElementById('page-words').textContent);
const LANG = document.documentElement.lang;
const QUERY = LANG === 'en' ? '?lang=en' : '';
const form = document.getElementById('annex');
const KIND = form ? form.dataset.kind : '';
const draftKey = (kind) => 'annexgen-draft:' + kind;
const SHEET = /\.(csv|xlsx)$/i;
let dirty = false;
let timer = null;
let sequence = 0;
let columnIds = 0;

function fmt(template, values) {
  return template.replace(/\{(\w+)\}/g, (all, name) => (name in values ? values[name] : all));
}
function post(url, body, headers) {
  return fetch(url + QUERY, {method: 'POST', body, headers, credentials: 'same-origin'});
}
function say(id, lines) {
  const box = document.getElementById(id);
  if (!box) return;
  box.replaceChildren(...lines.map((line) => Object.assign(document.createElement('p'), {textContent: line})));
}
function element(tag, props, children) {
  const el = Object.assign(document.createElement(tag), props || {});
  if (children) el.append(...children);
  return el;
}

// --- rows: names follow positions ("costs.#.amount" → "costs.2.amount")
function positions(el) {
  const out = [];
  for (let item = el.closest('.item'); item; item = item.parentElement.closest('.item')) {
    out.unshift([...item.parentElement.children].indexOf(item));
  }
  return out;
}
function rowTools(item, list, i, count, where) {
  const tool = (action) => item.querySelector('[data-action="' + action + '"]');
  const n = {n: i + 1};
  tool('up').setAttribute('aria-label', fmt(list.dataset.up, n) + where);
  tool('down').setAttribute('aria-label', fmt(list.dataset.down, n) + where);
  tool('remove').setAttribute('aria-label', fmt(list.dataset.remove, n) + where);
  tool('up').disabled = i === 0;
  tool('down').disabled = i === count - 1;
}
function renumber() {
  for (const el of form.querySelectorAll('[data-path]')) {
    const at = positions(el);
    let k = 0;
    const name = el.dataset.path.replace(/#/g, () => at[k++]);
    el.dataset.name = name;
    if (el.matches('input, select, textarea, output')) { if (el.tagName !== 'OUTPUT') el.name = name; el.id = name; }
    else if (el.matches('label')) el.htmlFor = name;
    if (el.dataset.suffix) el.id = name + el.dataset.suffix;
  }
  for (const list of form.querySelectorAll('[data-list]')) {
    const outer = list.closest('.item');
    const where = outer ? ' (' + outer.querySelector('.row-title').textContent + ')' : '';
    const items = list.querySelector(':scope > .items').children;
    [...items].forEach((item, i) => {
      item.querySelector(':scope > .row > .row-title').textContent = fmt(list.dataset.title, {n: i + 1});
      rowTools(item.querySelector(':scope > .row > .row-tools'), list, i, items.length, where);
    });
    list.querySelector(':scope > .add').setAttribute('aria-label', list.dataset.add + where);
  }
  for (const grid of form.querySelectorAll('[data-grid]')) {
    const rows = grid.querySelector('tbody').children;
    [...rows].forEach((row, i) => {
      const title = fmt(grid.dataset.title, {n: i + 1});
      row.querySelector('th').textContent = (i + 1) + '.';
      for (const cell of row.querySelectorAll('[data-column-label]')) {
        cell.setAttribute('aria-label', fmt(WORDS.cell, {column: cell.dataset.columnLabel, row: title}));
      }
      rowTools(row, grid, i, rows.length, '');
    });
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

// --- a table's rows: one input per cell, the columns are the annex's own
function isColumns(el) {
  // an input or button of the columns a grid follows
  return [...form.querySelectorAll('[data-grid]')].some((g) => el.closest('[data-list][data-name="' + g.dataset.columns + '"]'));
}
function tableColumns(grid) {
  const list = form.querySelector('[data-list][data-name="' + grid.dataset.columns + '"]');
  if (!list) return [];
  return [...list.querySelector(':scope > .items').children].map((item) => {
    if (!item.dataset.columnId) item.dataset.columnId = String(++columnIds);
    const value = (path) => {
      const el = item.querySelector(':is(input, select, textarea)[data-path="' + grid.dataset.columns + '.#.' + path + '"]');
      return el ? el.value.trim() : '';
    };
    const sums = [...item.querySelectorAll(':is(input, textarea)[data-path="' + grid.dataset.columns + '.#.sum.#"]')];
    return {
      id: item.dataset.columnId,
      key: value('key'),
      label: value('label') || value('key'),
      computed: value('type') === 'row-number' || value('vat.of') !== '' || sums.some((s) => s.value.trim() !== ''),
    };
  }).filter((c) => /^[A-Za-z_][A-Za-z0-9_]{0,39}$/.test(c.key));
}
function gridValues(grid) {
  // {row index: {column id: value}}, so that a renamed or moved column keeps its cells
  return [...grid.querySelector('tbody').children].map((row) => {
    const out = {};
    for (const input of row.querySelectorAll('input[data-column-id]')) out[input.dataset.columnId] = input.value;
    return out;
  });
}
function gridRow(grid, columns, values) {
  const row = element('tr', {className: 'item'});
  row.append(element('th', {scope: 'row'}));
  for (const column of columns) {
    const path = grid.dataset.path + '.#.' + column.key;
    let cell;
    if (column.computed) {
      cell = element('output', {className: 'computed'});
      cell.dataset.computed = '';
    } else {
      cell = element('input', {type: 'text', autocomplete: 'off', value: values[column.id] || ''});
      cell.dataset.columnId = column.id;
    }
    cell.dataset.path = path;
    cell.dataset.columnLabel = column.label;
    const error = element('p', {className: 'error', hidden: true});
    error.dataset.path = path;
    error.dataset.suffix = '--error';
    row.append(element('td', {}, [cell, error]));
  }
  const rowError = element('p', {className: 'error', hidden: true});
  rowError.dataset.path = grid.dataset.path + '.#';
  rowError.dataset.suffix = '--error';
  const button = (action, text, extra) => {
    const b = element('button', {type: 'button', textContent: text, className: extra || ''});
    b.dataset.action = action;
    return b;
  };
  row.append(element('td', {className: 'row-tools'}, [
    button('up', '↑'), button('down', '↓'), button('remove', '✕', 'danger'), rowError]));
  return row;
}
function buildGrid(grid, rows) {
  // rows: a list of {column id: value}; the header and every row follow the columns now
  const columns = tableColumns(grid);
  grid.querySelector('thead tr').replaceChildren(
    element('th', {scope: 'col', textContent: WORDS.rowNumber}),
    ...columns.map((c) => element('th', {scope: 'col', textContent: c.label, className: c.computed ? 'computed' : ''})),
    element('th', {scope: 'col', textContent: WORDS.rowTools}));
  grid.querySelector('tbody').replaceChildren(...rows.map((values) => gridRow(grid, columns, values)));
  renumber();
}
function refreshGrids() {
  for (const grid of form.querySelectorAll('[data-grid]')) buildGrid(grid, gridValues(grid));
}
function fillGrids(values) {
  for (const grid of form.querySelectorAll('[data-grid]')) {
    const columns = tableColumns(grid);
    const rows = [];
    for (let i = 0; i < rowCount(values, grid.dataset.path); i++) {
      const row = {};
      for (const c of columns) row[c.id] = values[grid.dataset.path + '.' + i + '.' + c.key] || '';
      rows.push(row);
    }
    buildGrid(grid, rows);
  }
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
  for (const grid of form.querySelectorAll('[data-grid]')) grid.querySelector('tbody').replaceChildren();
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
  fillGrids(values);
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
    const text = problems.map((p) => (p.severity === 'warning' ? fmt(WORDS.warning, {message: p.message}) : p.message)).join(' ');
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
    box.textContent = text ? fmt(WORDS.inDocument, {text}) : '';
    box.hidden = !text;
  }
  for (const cell of form.querySelectorAll('output[data-computed]')) {
    cell.textContent = result.previews[cell.dataset.name] || '';
  }
  if (result.document) document.getElementById('document').innerHTML = result.document;
  if (result.status) document.getElementById('status').textContent = result.status;
}
function validate() {
  const mine = ++sequence;
  post('/validate', encoded(collect())).then((r) => r.json()).then((result) => {
    if (mine === sequence) show(result);
  });
}
function keep() {
  localStorage.setItem(draftKey(KIND), JSON.stringify({values: collect()}));
}
function changed() {
  dirty = true;
  keep();
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
  status.textContent = what === 'pdf' ? WORDS.makingPdf : WORDS.makingFile;
  const response = await post('/' + what, encoded(collect()));
  if (response.status === 422) {
    show(await response.json());
    status.textContent = WORDS.fixFirst;
    const first = form.querySelector('[aria-invalid="true"]');
    if (first) first.focus();
    return;
  }
  if (!response.ok) { status.textContent = await response.text(); return; }
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = fileName(response, WORDS.annex + '.' + what);
  document.body.append(link);
  link.click();
  link.remove();
  dirty = false;
  status.textContent = fmt(WORDS.downloaded, {name: link.download});
}
async function openFiles(files, problemsId) {
  files = [...files];
  let response;
  if (files.length === 1 && !SHEET.test(files[0].name)) {
    response = await post('/open', files[0], {
      'Content-Type': 'application/octet-stream', 'X-File-Name': encodeURIComponent(files[0].name)});
  } else {
    const body = new FormData();
    if (form && files.every((f) => SHEET.test(f.name))) {  // a table's rows, for the form here
      body.append('_kind', KIND);
      for (const [name, value] of Object.entries(collect())) body.append(name, value);
    }
    for (const file of files) body.append('file', file, file.name);
    response = await post('/open', body);
  }
  const result = await response.json();
  if (!response.ok) { say(problemsId, result.lines); return; }
  const names = files.map((f) => f.name).join(', ');
  localStorage.setItem(draftKey(result.kind), JSON.stringify({values: result.values, opened: names, notes: result.notes}));
  if (result.kind === KIND) { start(); dirty = true; return; }
  dirty = false;
  location.href = '/new/' + result.kind + QUERY;
}
function start() {
  const draft = JSON.parse(localStorage.getItem(draftKey(KIND)) || 'null');
  fill(draft ? draft.values : null);
  const notes = draft && draft.opened ? [fmt(WORDS.opened, {name: draft.opened}), ...(draft.notes || [])]
    : draft ? [WORDS.draftRestored] : [];
  say('notices', notes);
  say('open-problems', []);
  if (draft && draft.opened) keep();
  validate();
}

const opener = document.getElementById('open-file');
if (opener) opener.addEventListener('change', () => { if (opener.files.length) openFiles(opener.files, 'open-problems'); opener.value = ''; });
window.annexgen = {openFiles, draftKey, fmt, WORDS, QUERY};
for (const link of document.querySelectorAll('[data-language]')) {
  // the other language: the same page, the draft kept, no "leave the page?" question
  link.addEventListener('click', () => { if (form) keep(); dirty = false; });
}
if (form) {
  form.addEventListener('input', (e) => {
    if (isColumns(e.target)) refreshGrids();
    changed();
  });
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
    const inGrid = button.closest('[data-grid]');
    if (action === 'add') {
      const row = addRow(button.closest('[data-list]'));
      row.querySelector('input, select, textarea').focus();
    } else if (action === 'add-row') {
      const values = gridValues(inGrid);
      values.push({});
      buildGrid(inGrid, values);
      const last = inGrid.querySelector('tbody').lastElementChild;
      (last.querySelector('input') || last.querySelector('button')).focus();
    } else if (action === 'remove') {
      const next = item.nextElementSibling || item.previousElementSibling;
      const owner = inGrid || item.closest('[data-list]');
      item.remove();
      renumber();
      (next ? next.querySelector('button[data-action="remove"]') : owner.querySelector('button.add')).focus();
    } else {
      const other = action === 'up' ? item.previousElementSibling : item.nextElementSibling;
      if (action === 'up') other.before(item); else other.after(item);
      renumber();
      (button.disabled ? item.querySelector('[data-action="' + (action === 'up' ? 'down' : 'up') + '"]') : button).focus();
    }
    if (!inGrid && isColumns(button)) refreshGrids();
    changed();
  });
  document.getElementById('start-over').addEventListener('click', () => {
    if (!confirm(WORDS.clearAll)) return;
    localStorage.removeItem(draftKey(KIND));
    start();
    dirty = false;
  });
  window.addEventListener('beforeunload', (e) => { if (dirty) { e.preventDefault(); e.returnValue = ''; } });
  start();
}
