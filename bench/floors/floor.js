/* global window, document, location, requestAnimationFrame */
// The bench's floor page: the same rows from the same harness, over the same RPC, shown the plainest way a
// page can (one div a row, no framework). uiBench times the window beside it, in the same Chromium run. Plain
// script (no build), served by the harness beside the renderer, under the same CSP.
(() => {
  const params = new URLSearchParams(location.hash.slice(1));
  const token = params.get('token') ?? '';
  let ROW = 40;
  const chats = document.querySelector('[data-testid="floor-chats"]');
  const list = document.querySelector('[data-testid="floor-scroller"]');
  const sizer = list.firstElementChild;
  const state = { requests: 0 };

  async function call(method, input) {
    if (method === 'getHistoryPage' || method === 'searchMessages') state.requests++;
    const response = await fetch(`/rpc/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-scrollback-token': token },
      body: JSON.stringify(input ?? null),
    });
    const result = await response.json();
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value;
  }

  /** A paint the bench waits for: kept on window, and told to the bench's binding the moment it happens. */
  const mark = (key, at) => {
    window[key] = at;
    performance.mark(`bench:${key}`);
    window.benchMark?.(key, at, performance.timeOrigin);
  };

  /** Resolves after the next frame has been painted (a task queued from the frame's rAF). */
  const afterPaint = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(0);
      }),
    );

  const messageText = (message) => `${message.senderName ?? ''}: ${message.text}`;
  function rowOf(id, text) {
    const row = document.createElement('div');
    row.className = 'row';
    row.dataset.messageId = id;
    row.textContent = text;
    return row;
  }
  const chatRow = (chat) => {
    const row = rowOf(String(chat.id), `${chat.name} · ${chat.messageCount ?? chat.cachedCount}`);
    row.dataset.chatId = String(chat.id);
    return row;
  };

  /** Every row in the DOM, newest at the bottom, scrolled to the end (what the window shows on open). */
  function showMessages(messages) {
    list.removeEventListener('scroll', window.floorRender ?? (() => undefined));
    list.classList.remove('virtual');
    sizer.style.height = '';
    sizer.replaceChildren(...messages.map((m) => rowOf(m.id, messageText(m))));
    list.scrollTop = list.scrollHeight;
  }

  /** A page of history fetched and shown; ms to its paint. */
  async function open(input) {
    const began = performance.now();
    showMessages((await call('getHistoryPage', input)).messages);
    return (await afterPaint()) - began;
  }

  /** The first page of a search, shown; ms to its paint. */
  async function searchFirst(input) {
    const began = performance.now();
    showMessages((await call('searchMessages', input)).hits.map((hit) => hit.message));
    list.scrollTop = 0;
    return (await afterPaint()) - began;
  }

  /** At load (the window's start): the first screen of chats and the chosen chat's page, asked at once. */
  async function start(listInput, historyInput) {
    const chatsShown = call('listChats', listInput).then(async (found) => {
      chats.replaceChildren(...found.map(chatRow));
      mark('chatRowPaintedAt', await afterPaint());
    });
    const page = await call('getHistoryPage', historyInput);
    showMessages(page.messages);
    mark('messageRowPaintedAt', await afterPaint());
    await chatsShown;
  }

  /**
   * A virtualized list of plain one-line rows (fixed height, so nothing is measured): only the rows in view
   * and `overscan` either side are in the DOM. History pages back (older pages prepended, the scroll moved by
   * their height, at most `maxPages` kept); search results page forward. A page is asked when the first (or
   * last) rendered row is within 10 of the loaded end, one at a time, as the window does.
   */
  async function virtual(method, input, options) {
    const { maxPages, overscan = 8, rowHeight = 40 } = options;
    ROW = rowHeight;
    list.style.setProperty('--row', `${ROW}px`);
    const backwards = method === 'getHistoryPage';
    const itemsOf = (page) =>
      backwards
        ? page.messages.map((m) => ({ id: m.id, text: messageText(m) }))
        : page.hits.map((h) => ({ id: h.message.id, text: messageText(h.message) }));
    let pages = [];
    let items = [];
    let loading = false;
    let more = true;
    let cursorPage = null;
    const shown = new Map();
    list.removeEventListener('scroll', window.floorRender ?? (() => undefined));
    list.classList.add('virtual');
    sizer.replaceChildren();
    const flatten = () => (items = pages.flatMap((p) => p.items));
    const render = () => {
      const from = Math.max(0, Math.floor(list.scrollTop / ROW) - overscan);
      const to = Math.min(items.length, Math.ceil((list.scrollTop + list.clientHeight) / ROW) + overscan);
      const keep = new Set();
      for (let i = from; i < to; i++) {
        const item = items[i];
        keep.add(item.id);
        let row = shown.get(item.id);
        if (!row) {
          row = rowOf(item.id, item.text);
          shown.set(item.id, row);
          sizer.append(row);
        }
        row.style.transform = `translateY(${i * ROW}px)`;
      }
      for (const [id, row] of shown)
        if (!keep.has(id)) {
          row.remove();
          shown.delete(id);
        }
      if (!loading && more && (backwards ? from < 10 : to > items.length - 10)) void load();
    };
    const nextInput = () =>
      backwards ? { ...input, anchor: { kind: 'before', cursor: cursorPage.olderCursor } } : { ...input, cursor: cursorPage.nextCursor };
    async function load() {
      loading = true;
      const page = await call(method, nextInput());
      const added = itemsOf(page);
      more = backwards ? !page.reachedOldest && page.olderCursor !== null : page.nextCursor !== null;
      cursorPage = page;
      if (backwards) {
        pages.unshift({ items: added });
        if (pages.length > maxPages) pages.pop();
      } else pages.push({ items: added });
      flatten();
      sizer.style.height = `${items.length * ROW}px`;
      if (backwards) list.scrollTop += added.length * ROW;
      loading = false;
      render();
    }
    const first = await call(method, input);
    cursorPage = first;
    more = backwards ? !first.reachedOldest && first.olderCursor !== null : first.nextCursor !== null;
    pages = [{ items: itemsOf(first) }];
    flatten();
    sizer.style.height = `${items.length * ROW}px`;
    list.scrollTop = backwards ? list.scrollHeight : 0;
    window.floorRender = render;
    list.addEventListener('scroll', render, { passive: true });
    render();
    await afterPaint();
    return { loaded: () => items.length, busy: () => loading };
  }

  /** The chat names (all of them) kept for `filter`. */
  let names = [];
  async function loadNames() {
    names = (await call('listChats')).map((chat) => ({ id: chat.id, name: chat.name, lower: chat.name.toLocaleLowerCase(), chat }));
    return names.length;
  }
  /** The bare filter: the names that contain the text, the first screenful of them drawn; ms to the paint. */
  async function filter(text, inView) {
    const began = performance.now();
    const needle = text.trim().toLocaleLowerCase();
    const kept = needle ? names.filter((n) => n.lower.includes(needle)) : names;
    chats.replaceChildren(...kept.slice(0, inView).map((n) => chatRow(n.chat)));
    return (await afterPaint()) - began;
  }

  /** Pushed events, as the window gets them: a change to `chatId` fetches the newer rows and appends them. */
  async function follow(chatId, input) {
    let newest = await call('getHistoryPage', input);
    showMessages(newest.messages);
    const response = await fetch('/events', { headers: { 'x-scrollback-token': token } });
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffered = '';
    void (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffered += decoder.decode(value, { stream: true });
        let end;
        while ((end = buffered.indexOf('\n\n')) >= 0) {
          const block = buffered.slice(0, end);
          buffered = buffered.slice(end + 2);
          if (!block.startsWith('data: ')) continue;
          const event = JSON.parse(block.slice(6));
          if (event.kind !== 'messagesChanged' || event.chatId !== chatId || event.added === 0) continue;
          const page = await call('getHistoryPage', { ...input, anchor: { kind: 'after', cursor: newest.newerCursor } });
          if (page.messages.length === 0) continue;
          newest = page;
          sizer.append(...page.messages.map((m) => rowOf(m.id, messageText(m))));
          list.scrollTop = list.scrollHeight;
        }
      }
    })();
  }

  window.floor = { call, open, searchFirst, start, virtual, loadNames, filter, follow, afterPaint, state };
  const startWith = params.get('start');
  if (startWith) {
    const { list: listInput, history } = JSON.parse(startWith);
    void start(listInput, history);
  }
})();
