/**
 * The script inside an HTML export (runs in any browser, offline, with no network). Messages live in
 * `<script type="application/json" class="d" data-n="…">` chunks that are parsed only when their rows come
 * into view (a few chunks cached), so a million-message file opens at once. Rows have a fixed height (two
 * lines of text, the whole message in the detail a click opens) and show their text with textContent:
 * nothing in a message can become markup or script. Thumbnails and files are relative paths beside it.
 */
export const HTML_VIEWER_SCRIPT = String.raw`(() => {
  'use strict';
  const ROW = 64;
  const chunks = [...document.querySelectorAll('script.d')];
  const meta = JSON.parse(document.getElementById('meta').textContent);
  const starts = [];
  let total = 0;
  for (const chunk of chunks) { starts.push(total); total += Number(chunk.dataset.n); }
  const cache = new Map();
  function chunkAt(c) {
    let data = cache.get(c);
    if (!data) {
      data = JSON.parse(chunks[c].textContent);
      cache.set(c, data);
      if (cache.size > 8) cache.delete(cache.keys().next().value);
    }
    return data;
  }
  function messageAt(i) {
    let lo = 0, hi = starts.length - 1;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (starts[mid] <= i) lo = mid; else hi = mid - 1; }
    return chunkAt(lo)[i - starts[lo]];
  }
  const scroller = document.getElementById('scroller');
  const spacer = document.getElementById('spacer');
  const rows = document.getElementById('rows');
  const counter = document.getElementById('count');
  const detail = document.getElementById('detail');
  spacer.style.height = (total * ROW) + 'px';
  counter.textContent = total.toLocaleString() + ' messages';
  const format = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  let highlighted = -1;
  /** Reply, forward, edit and reactions of a message, in words. */
  function factsOf(extras) {
    if (!extras) return '';
    const facts = [];
    if (extras.r !== undefined) facts.push('↩ reply to #' + extras.r);
    if (extras.f) facts.push('forwarded from ' + extras.f);
    if (extras.e) facts.push('edited ' + format.format(new Date(extras.e)));
    if (extras.d) facts.push('deleted at the source, kept in this archive (' + format.format(new Date(extras.d)) + ')');
    if (extras.x) facts.push(extras.x);
    return facts.join(' · ');
  }
  /** The same folding as the app's search: accents and case ignored ("CAFÉ" finds "cafe", any script). */
  const fold = (text) => String(text).normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
  function render() {
    const first = Math.max(0, Math.floor(scroller.scrollTop / ROW) - 5);
    const last = Math.min(total, Math.ceil((scroller.scrollTop + scroller.clientHeight) / ROW) + 5);
    rows.style.transform = 'translateY(' + (first * ROW) + 'px)';
    const fragment = document.createDocumentFragment();
    for (let i = first; i < last; i++) {
      const [date, sender, text, label, service, extras] = messageAt(i);
      const row = document.createElement('div');
      row.className = 'msg' + (service ? ' service' : '') + (i === highlighted ? ' hit' : '');
      row.dataset.index = String(i);
      if (extras && extras.t) {
        const thumb = document.createElement('img');
        thumb.className = 'thumb';
        thumb.alt = '';
        thumb.src = extras.t;
        row.append(thumb);
      }
      const main = document.createElement('div');
      main.className = 'main';
      const head = document.createElement('div');
      head.className = 'head';
      const who = document.createElement('b');
      who.textContent = sender >= 0 ? meta.senders[sender] : '';
      const when = document.createElement('time');
      when.textContent = format.format(new Date(date));
      head.append(who, when);
      const notes = factsOf(extras);
      if (notes) { const extra = document.createElement('span'); extra.className = 'extra'; extra.textContent = notes; head.append(extra); }
      const body = document.createElement('div');
      body.className = 'body';
      body.textContent = (label ? label + ' ' : '') + text;
      main.append(head, body);
      row.append(main);
      fragment.append(row);
    }
    rows.replaceChildren(fragment);
  }
  let pending = false;
  scroller.addEventListener('scroll', () => { if (!pending) { pending = true; requestAnimationFrame(() => { pending = false; render(); }); } });
  window.addEventListener('resize', render);
  function jumpTo(index) { scroller.scrollTop = Math.max(0, index * ROW - scroller.clientHeight / 3); render(); }
  const months = document.getElementById('months');
  for (const [label, index] of meta.months) { const option = document.createElement('option'); option.value = String(index); option.textContent = label; months.append(option); }
  months.addEventListener('change', () => jumpTo(Number(months.value)));
  const search = document.getElementById('search');
  let matches = [], matchAt = -1, lastQuery = '';
  search.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    const query = fold(search.value.trim());
    if (query === '') return;
    if (query !== lastQuery) {
      lastQuery = query; matches = []; matchAt = -1;
      for (let c = 0; c < chunks.length; c++) {
        const data = JSON.parse(chunks[c].textContent);
        for (let k = 0; k < data.length; k++) if (fold(data[k][2]).includes(query)) matches.push(starts[c] + k);
      }
    }
    // No match clears the previous one's highlight, so nothing on screen claims to match.
    if (matches.length === 0) { counter.textContent = 'No match'; highlighted = -1; render(); return; }
    matchAt = (matchAt + (event.shiftKey ? matches.length - 1 : 1)) % matches.length;
    highlighted = matches[matchAt];
    counter.textContent = (matchAt + 1) + ' of ' + matches.length.toLocaleString() + ' matches';
    jumpTo(highlighted);
  });
  rows.addEventListener('click', (event) => {
    const row = event.target.closest('.msg');
    if (!row) return;
    const [date, sender, text, label, , extras] = messageAt(Number(row.dataset.index));
    detail.querySelector('h2').textContent = (sender >= 0 ? meta.senders[sender] + ' · ' : '') + format.format(new Date(date));
    detail.querySelector('.facts').textContent = factsOf(extras);
    detail.querySelector('p').textContent = (label ? label + ' ' : '') + text;
    const files = detail.querySelector('.files');
    files.replaceChildren();
    if (extras && extras.t) { const image = document.createElement('img'); image.alt = ''; image.src = extras.t; files.append(image); }
    if (extras && extras.u) { const link = document.createElement('a'); link.href = extras.u; link.textContent = 'Open the file (' + extras.u + ')'; files.append(link); }
    detail.showModal();
  });
  scroller.scrollTop = scroller.scrollHeight;
  render();
})();`;
