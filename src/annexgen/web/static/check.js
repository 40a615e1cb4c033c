// "Check a document": an old annex checked, its findings marked in the text.
'use strict';
(() => {
  const {WORDS, QUERY, fmt} = window.annexgen;
  const input = document.getElementById('check-file');
  const zone = document.getElementById('dropzone');
  const result = document.getElementById('check-result');
  const actions = document.getElementById('check-actions');
  let file = null;
  let report = '';
  async function check(chosen) {
    file = chosen;
    actions.hidden = true;
    result.textContent = WORDS.checking;
    const response = await fetch('/check-document' + QUERY, {method: 'POST', body: file, headers: {
      'Content-Type': 'application/octet-stream', 'X-File-Name': encodeURIComponent(file.name)}});
    const answer = await response.json();
    const problems = document.getElementById('check-problems');
    problems.replaceChildren(...(answer.lines || []).map((l) => Object.assign(document.createElement('p'), {textContent: l})));
    if (!response.ok) { result.textContent = ''; return; }
    result.innerHTML = answer.html;
    report = answer.report;
    actions.hidden = false;
  }
  input.addEventListener('change', () => { if (input.files[0]) check(input.files[0]); });
  zone.addEventListener('dragover', (e) => { e.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    if (e.dataTransfer.files[0]) check(e.dataTransfer.files[0]);
  });
  document.getElementById('download-findings').addEventListener('click', () => {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([report || WORDS.noFindings + '\n'], {type: 'text/plain;charset=utf-8'}));
    link.download = fmt(WORDS.reportName, {name: file.name.replace(/\.[^.]*$/, '')});
    document.body.append(link);
    link.click();
    link.remove();
  });
  document.getElementById('open-in-form').addEventListener('click', () => window.annexgen.openFiles([file], 'check-problems'));
})();
