//! JavaScript the tools evaluate in the page. Each is a function expression called
//! with JSON arguments; each returns plain JSON and never throws for a page's sake.

/// `{title, url, lang, text, length}`: `text` is the first `max` characters of the
/// page's visible text.
pub const PAGE_TEXT: &str = r#"(max) => {
  const body = document.body ? document.body.innerText : '';
  return { title: document.title || '', url: location.href, lang: (document.documentElement.lang || '').trim(),
           text: body.slice(0, max), length: body.length };
}"#;

/// Text of up to `limit` elements matching a CSS selector (text, else aria-label or
/// title), or `{error}` for a selector the page rejects.
pub const TEXT_BY_SELECTOR: &str = r#"(selector, limit) => {
  let found;
  try { found = Array.from(document.querySelectorAll(selector)); } catch (e) { return { error: String(e.message || e) }; }
  const texts = found.slice(0, limit).map(e => ((e.innerText || e.value || '').trim()
      || (e.getAttribute('aria-label') || '').trim() || (e.getAttribute('title') || '').trim()).replace(/\s+/g, ' '));
  return { count: found.length, texts };
}"#;

/// Audio URLs the document mentions: `[{url, via}]`, absolute, http(s) only, unique.
pub const FIND_AUDIO: &str = r#"() => {
  const out = [], seen = new Set();
  const audioish = u => /\.(mp3|m4a|aac|ogg|oga|opus|wav|flac)([?#]|$)/i.test(u || '');
  const add = (raw, via) => {
    if (!raw) return;
    let u; try { u = new URL(raw.trim(), document.baseURI).href; } catch (e) { return; }
    if (!/^https?:/i.test(u) || seen.has(u)) return;
    seen.add(u); out.push({ url: u, via });
  };
  document.querySelectorAll('audio[src], audio source[src], source[src][type^="audio"]').forEach(e => add(e.getAttribute('src'), e.tagName.toLowerCase()));
  document.querySelectorAll('audio').forEach(a => { if (a.currentSrc) add(a.currentSrc, 'audio'); });
  document.querySelectorAll('meta[property], meta[name]').forEach(m => {
    const p = (m.getAttribute('property') || m.getAttribute('name') || '').toLowerCase();
    if (['og:audio', 'og:audio:url', 'og:audio:secure_url', 'twitter:player:stream'].includes(p)) add(m.getAttribute('content'), 'meta ' + p);
  });
  document.querySelectorAll('a[href]').forEach(a => {
    const h = a.getAttribute('href');
    if (audioish(h) || (a.getAttribute('type') || '').startsWith('audio/')) add(h, 'link');
  });
  const keys = ['data-src', 'data-url', 'data-audio', 'data-audio-url', 'data-file'];
  document.querySelectorAll(keys.map(k => '[' + k + ']').join(',')).forEach(e => keys.forEach(k => {
    const v = e.getAttribute(k); if (v && (audioish(v) || k.startsWith('data-audio'))) add(v, k);
  }));
  document.querySelectorAll('script[type="application/ld+json"]').forEach(s => {
    const walk = o => {
      if (!o || typeof o !== 'object') return;
      if (Array.isArray(o)) { o.forEach(walk); return; }
      if (typeof o.contentUrl === 'string') add(o.contentUrl, 'json-ld');
      Object.values(o).forEach(walk);
    };
    try { walk(JSON.parse(s.textContent)); } catch (e) {}
  });
  return out;
}"#;

/// Resolves a [`Locator`](crate::selector::Locator) to a clickable point:
/// `{state: "ready"|"missing"|"hidden"|"covered"|"outside"|"invalid", x, y, label, by, error}`.
pub const LOCATE: &str = r#"(spec) => {
  const fold = s => (s || '').replace(/\s+/g, ' ').trim().toLowerCase();
  const describe = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\s+/).join('.') : '');
  const clickable = 'button, a, [role=button], [role=menuitem], [role=tab], input[type=button], input[type=submit], summary, [onclick], [aria-label], [title]';
  let pool;
  try { pool = Array.from(document.querySelectorAll(spec.css || clickable)); } catch (e) { return { state: 'invalid', error: String(e.message || e) }; }
  const want = fold(spec.text);
  const matches = e => {
    if (spec.text === null || spec.text === undefined) return true;
    const texts = [e.innerText || e.value || '', e.getAttribute('aria-label'), e.getAttribute('title')].map(fold);
    return texts.some(t => spec.exact ? t === want : t.includes(want));
  };
  let found = pool.filter(matches);
  if (!found.length && !spec.css && spec.text) found = Array.from(document.querySelectorAll('body *')).filter(matches);
  found = found.filter(e => !found.some(o => o !== e && e.contains(o)));
  if (!found.length) return { state: 'missing' };
  const shown = found.find(e => { const r = e.getBoundingClientRect(), st = getComputedStyle(e);
    return r.width > 0 && r.height > 0 && st.visibility !== 'hidden' && st.display !== 'none'; });
  if (!shown) return { state: 'hidden', count: found.length };
  shown.scrollIntoView({ block: 'center', inline: 'center' });
  const r = shown.getBoundingClientRect(), x = r.left + r.width / 2, y = r.top + r.height / 2;
  const label = fold(shown.innerText || shown.getAttribute('aria-label') || shown.getAttribute('title')).slice(0, 80);
  if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) return { state: 'outside', x, y, label };
  const top = document.elementFromPoint(x, y);
  if (top && top !== shown && !shown.contains(top)) return { state: 'covered', by: describe(top), x, y, label };
  return { state: 'ready', x, y, label, tag: describe(shown) };
}"#;

/// Visible clickable controls with their centre, for `analyze_screenshot`.
pub const CONTROLS: &str = r#"(limit) => {
  const out = [];
  document.querySelectorAll('button, a[href], [role=button], [role=menuitem], input[type=button], input[type=submit], summary').forEach(e => {
    if (out.length >= limit) return;
    const r = e.getBoundingClientRect();
    if (r.width <= 0 || r.height <= 0 || r.bottom < 0 || r.top > innerHeight) return;
    const x = Math.round(r.left + r.width / 2), y = Math.round(r.top + r.height / 2);
    const top = document.elementFromPoint(x, y);
    const label = ((e.innerText || e.value || '').trim() || e.getAttribute('aria-label') || e.getAttribute('title') || '').replace(/\s+/g, ' ').slice(0, 60);
    out.push({ label, x, y, covered: !!(top && top !== e && !e.contains(top)) });
  });
  return out;
}"#;
