//! JavaScript the tools evaluate in the page. Each is a function expression called
//! with JSON arguments; each returns plain JSON and never throws for a page's sake.
//!
//! The frame scripts run in ragtime's own isolated world of each frame (see
//! [`frames`](crate::frames)): they share the page's DOM but not its JavaScript, so a
//! page that redefines `Array.prototype.map` or `querySelectorAll` changes nothing
//! here, and what they keep between calls (the elements of the last observation, the
//! time of the last DOM change) stays out of the page's reach.

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

/// What the frame scripts share, defined once per call: walking a document with its
/// open shadow roots, labels as a user reads them, visibility, and the deep
/// `elementFromPoint`.
const COMMON: &str = r#"
  const R = globalThis.__ragtime || (globalThis.__ragtime = {});
  const fold = s => (s || '').replace(/\s+/g, ' ').trim();
  const all = (root, visit, inShadow = false) => {
    for (const e of root.querySelectorAll('*')) {
      visit(e, inShadow);
      if (e.shadowRoot) all(e.shadowRoot, visit, true);
    }
  };
  const shown = e => {
    const r = e.getBoundingClientRect();
    if (r.width <= 0 || r.height <= 0) return false;
    if (e.checkVisibility) return e.checkVisibility({ opacityProperty: true, visibilityProperty: true });
    const st = getComputedStyle(e);
    return st.visibility !== 'hidden' && st.display !== 'none' && st.opacity !== '0';
  };
  const labelOf = e => {
    const root = e.getRootNode();
    const by = (e.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean)
      .map(id => root.getElementById ? root.getElementById(id) : null).filter(Boolean).map(x => x.textContent).join(' ');
    const img = e.querySelector && e.querySelector('img[alt], svg title');
    const text = e.innerText !== undefined ? e.innerText : e.textContent;
    return fold(e.getAttribute('aria-label') || by || (e.tagName === 'INPUT' ? (e.value || e.getAttribute('alt') || '') : '')
      || text || e.getAttribute('title') || (img ? (img.getAttribute('alt') || img.textContent) : '')
      || e.getAttribute('alt') || '').slice(0, 100);
  };
  const hintOf = e => fold([e.id, typeof e.className === 'string' ? e.className : '', e.getAttribute('data-testid') || '',
      e.getAttribute('name') || ''].join(' ').replace(/[-_]+/g, ' ')).slice(0, 60);
  const deepAt = (x, y) => {
    let top = document.elementFromPoint(x, y);
    while (top && top.shadowRoot) {
      const inner = top.shadowRoot.elementFromPoint(x, y);
      if (!inner || inner === top) break;
      top = inner;
    }
    return top;
  };
  const contains = (a, b) => {
    for (let n = b; n; n = n.parentNode || n.host) if (n === a) return true;
    return false;
  };
  const describe = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
    + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\s+/).slice(0, 2).join('.') : '');
  if (!R.watching && document.documentElement) {
    R.changes = [];
    R.watchSince = performance.now();
    new MutationObserver(() => { R.changes.push(performance.now()); if (R.changes.length > 32) R.changes.shift(); })
      .observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    R.watching = true;
  }
"#;

/// Observes one frame: its interactive elements (in the document and in open shadow
/// roots) as `{role, label, hint, visible, enabled, href, shadow}`, visible ones first,
/// at most `limit`; the elements are kept for [`CLICK_POINT`] by their index.
pub fn observe() -> String {
    format!(
        r#"(limit) => {{{COMMON}
  const interactive = 'a[href], button, summary, input[type=button], input[type=submit], input[type=image], '
    + '[role=button], [role=link], [role=menuitem], [role=menuitemradio], [role=tab], [role=switch], [role=option], '
    + '[onclick], audio[controls], video[controls]';
  const found = [];
  const taken = new Set();
  all(document, (e, inShadow) => {{
    let pick = false;
    try {{ pick = e.matches(interactive); }} catch (x) {{}}
    if (!pick && (e.tabIndex >= 0 && e.hasAttribute('tabindex'))) pick = true;
    if (!pick && e.children.length < 4) {{
      const st = getComputedStyle(e);
      const parent = e.parentElement;
      pick = st.cursor === 'pointer' && !(parent && getComputedStyle(parent).cursor === 'pointer');
    }}
    if (!pick || taken.has(e)) return;
    for (let p = e.parentElement; p; p = p.parentElement) if (taken.has(p) && p.matches('a[href], button')) return;
    taken.add(e);
    found.push({{ e, inShadow }});
  }});
  const roleOf = e => {{
    const role = e.getAttribute('role');
    if (role) return role;
    const t = e.tagName.toLowerCase();
    if (t === 'a') return 'link';
    if (t === 'button' || t === 'summary' || t === 'input') return 'button';
    if (t === 'audio' || t === 'video') return t;
    return 'clickable';
  }};
  const textOf = e => fold(e.innerText !== undefined ? e.innerText : e.textContent).slice(0, 60);
  const described = found.map(({{ e, inShadow }}) => ({{ e, role: roleOf(e), label: labelOf(e), text: textOf(e), hint: hintOf(e),
    visible: shown(e), enabled: !(e.disabled || e.getAttribute('aria-disabled') === 'true'),
    href: e.tagName === 'A' && e.href ? String(e.href).slice(0, 300) : null, download: e.hasAttribute('download'),
    shadow: inShadow }}));
  const ordered = described.filter(d => d.visible).concat(described.filter(d => !d.visible)).slice(0, limit);
  R.elements = ordered.map(d => d.e);
  R.observedAt = performance.now();
  const og = document.querySelector('meta[property="og:title"]');
  const h1 = document.querySelector('h1');
  return {{ url: location.href, title: document.title || '', lang: (document.documentElement.lang || '').trim(),
    heading: ((h1 && h1.innerText) || (og && og.content) || '').trim().slice(0, 200),
    total: described.length,
    elements: ordered.map(({{ e, ...d }}) => d) }};
}}"#
    )
}

/// Audio URLs one frame mentions, with where each came from: `[{{url, via, other?}}]`
/// (`other`: the word of an enclosing container's class or a JSON key that says the
/// URL belongs to another item, "related" or "otherEpisodes"),
/// absolute, http(s) only, unique. Looks into open shadow roots, media elements'
/// current source, links and `download` links, meta tags, `data-*` and other
/// attributes, JSON-LD and other JSON in the page, and URLs in inline scripts.
pub fn find_audio() -> String {
    format!(
        r#"() => {{{COMMON}
  const out = [], seen = new Set();
  const ext = /\.(mp3|m4a|aac|ogg|oga|opus|wav|flac)$/i;
  const add = (raw, via, other) => {{
    if (!raw || typeof raw !== 'string') return;
    let u;
    try {{ u = new URL(raw.trim(), document.baseURI).href; }} catch (x) {{ return; }}
    if (!/^https?:/i.test(u) || seen.has(u)) return;
    seen.add(u); out.push(other ? {{ url: u, via, other }} : {{ url: u, via }});
  }};
  const audioish = v => typeof v === 'string' && v.length < 2000 && ext.test(v.trim().split(/[?#]/)[0]);
  // Whether a name (a container's class or id, a JSON key) says it holds other items
  // than the page's own ("related-audio", "otherEpisodes"): the word that says so.
  const otherWord = (names, words) => (names.replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(/[^A-Za-z]+/)
    .find(t => words.test(t)) || '');
  const OTHER_KEYS = /^(related|recommended|recommendations?|recommend|similar|suggested|suggestions?|others?|next|previous|prev|upnext)$/i;
  // Class names and ids: "next" and "prev" name carousel buttons and frameworks' roots.
  const OTHER_CLASSES = /^(related|recommended|recommendations?|recommend|similar|suggested|suggestions?|others?)$/i;
  const otherAround = e => {{
    for (let p = e.parentElement, n = 0; p && n < 12; p = p.parentElement, n++) {{
      const w = otherWord((typeof p.className === 'string' ? p.className : '') + ' ' + (p.id || ''), OTHER_CLASSES);
      if (w) return w;
    }}
    return '';
  }};
  const where = (e, inShadow) => e.tagName.toLowerCase() + (inShadow ? ' in a shadow root' : '');
  all(document, (e, inShadow) => {{
    const t = e.tagName;
    if (t === 'AUDIO' || t === 'VIDEO') {{
      if (e.currentSrc) add(e.currentSrc, where(e, inShadow) + ' currentSrc', otherAround(e));
      if (e.getAttribute('src')) add(e.getAttribute('src'), where(e, inShadow) + ' src', otherAround(e));
    }}
    if (t === 'SOURCE' && (e.parentElement && /^(AUDIO|VIDEO)$/.test(e.parentElement.tagName) || (e.type || '').startsWith('audio')))
      add(e.getAttribute('src'), 'source' + (inShadow ? ' in a shadow root' : ''), otherAround(e));
    if (t === 'A' && e.getAttribute('href')) {{
      const h = e.getAttribute('href');
      if (audioish(h) || (e.getAttribute('type') || '').startsWith('audio/'))
        add(h, (e.hasAttribute('download') ? 'download link' : 'link') + (inShadow ? ' in a shadow root' : '') + ' "' + labelOf(e).slice(0, 40) + '"', otherAround(e));
    }}
    if (t === 'META') {{
      const p = (e.getAttribute('property') || e.getAttribute('name') || '').toLowerCase();
      if (['og:audio', 'og:audio:url', 'og:audio:secure_url', 'twitter:player:stream'].includes(p)) add(e.getAttribute('content'), 'meta ' + p);
    }}
    if (t === 'LINK' && ((e.getAttribute('type') || '').startsWith('audio/') || audioish(e.getAttribute('href'))))
      add(e.getAttribute('href'), 'link rel=' + (e.getAttribute('rel') || ''));
    for (const a of e.attributes) {{
      if (a.name === 'href' || a.name === 'src') continue;
      if ((a.name.startsWith('data-') || a.name === 'value' || a.name === 'content') && audioish(a.value))
        add(a.value, where(e, inShadow) + ' ' + a.name, otherAround(e));
    }}
  }});
  const keys = new Set(['contentUrl', 'contenturl', 'url', 'src', 'mp3', 'audio', 'audioUrl', 'audio_url', 'file', 'media_url',
    'mediaUrl', 'download_url', 'downloadUrl', 'enclosure', 'enclosure_url', 'enclosureUrl', 'stream_url', 'streamUrl', 'href']);
  const walk = (o, path, label, depth) => {{
    if (!o || depth > 12) return;
    if (typeof o === 'string') {{ if (audioish(o)) add(o, label + ' ' + path.slice(-3).join('.'), otherWord(path.join(' '), OTHER_KEYS)); return; }}
    if (typeof o !== 'object') return;
    if (Array.isArray(o)) {{ o.slice(0, 200).forEach((v, i) => walk(v, path.concat(String(i)), label, depth + 1)); return; }}
    for (const [k, v] of Object.entries(o).slice(0, 400)) {{
      if (typeof v === 'string' && keys.has(k) && /^(https?:)?\/\//.test(v) && audioish(v))
        add(v, label + ' ' + path.concat(k).slice(-3).join('.'), otherWord(path.join(' '), OTHER_KEYS));
      else walk(v, path.concat(k), label, depth + 1);
    }}
  }};
  const unescape = s => s.replace(/\\u002[fF]/g, '/').replace(/\\\//g, '/').replace(/\\u0026/g, '&');
  const urls = /(?:https?:)?\/\/[^\s"'<>\\]+?\.(?:mp3|m4a|aac|ogg|oga|opus|wav|flac)(?:\?[^\s"'<>\\]*)?(?=["'\s<>\\]|$)|"(\/[^"\s<>]+?\.(?:mp3|m4a|aac|ogg|oga|opus|wav|flac)(?:\?[^"\s<>]*)?)"/gi;
  document.querySelectorAll('script').forEach(s => {{
    const text = s.textContent || '';
    if (!text || text.length > 5000000) return;
    const type = (s.getAttribute('type') || '').toLowerCase();
    const name = 'script' + (s.id ? '#' + s.id : '') + (type && type !== 'text/javascript' ? ' ' + type : '');
    if (type.includes('json')) {{
      try {{ walk(JSON.parse(text), [], name, 0); return; }} catch (x) {{}}
    }}
    const plain = unescape(text);
    for (const m of plain.matchAll(urls)) add(m[1] || m[0], name + ' text');
  }});
  return out.slice(0, 40);
}}"#
    )
}

/// Where to click the element at `index` of the last observation of this frame (or,
/// with `index` -1, the element the last [`locate`] found): `{state:
/// "ready"|"gone"|"hidden"|"covered"|"outside", x, y, label, by}`, in the frame's
/// viewport after scrolling it into view.
pub fn click_point() -> String {
    format!(
        r#"(index) => {{{COMMON}
  const e = index < 0 ? R.located : (R.elements || [])[index];
  if (!e || !e.isConnected) return {{ state: 'gone' }};
  const label = labelOf(e);
  if (!shown(e)) return {{ state: 'hidden', label }};
  e.scrollIntoView({{ block: 'center', inline: 'center' }});
  const r = e.getBoundingClientRect(), x = r.left + r.width / 2, y = r.top + r.height / 2;
  if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) return {{ state: 'outside', x, y, label }};
  const top = deepAt(x, y);
  if (top && !contains(e, top) && !contains(top, e)) return {{ state: 'covered', by: describe(top), x, y, label }};
  return {{ state: 'ready', x, y, label }};
}}"#
    )
}

/// Resolves a [`Locator`](crate::selector::Locator) in this frame (its document and
/// open shadow roots) and keeps the element for [`click_point`] (index -1):
/// `{state: "found"|"missing"|"hidden"|"invalid", label, error}`.
pub fn locate() -> String {
    format!(
        r#"(spec) => {{{COMMON}
  const clickable = 'button, a, [role=button], [role=menuitem], [role=tab], [role=link], input[type=button], input[type=submit], summary, [onclick], [aria-label], [title]';
  const want = fold(spec.text).toLowerCase();
  const matches = e => {{
    if (spec.text === null || spec.text === undefined) return true;
    const texts = [labelOf(e), e.innerText || e.value || '', e.getAttribute('aria-label'), e.getAttribute('title')].map(t => fold(t).toLowerCase());
    return texts.some(t => spec.exact ? t === want : t.includes(want));
  }};
  let pool = [];
  try {{
    all(document, e => {{ if (e.matches(spec.css || clickable)) pool.push(e); }});
  }} catch (x) {{ return {{ state: 'invalid', error: String(x.message || x) }}; }}
  let found = pool.filter(matches);
  if (!found.length && !spec.css && spec.text) {{
    all(document, e => {{ if (e.children.length === 0 && matches(e)) found.push(e); }});
  }}
  found = found.filter(e => !found.some(o => o !== e && contains(e, o)));
  if (!found.length) return {{ state: 'missing' }};
  const visible = found.find(shown);
  if (!visible) return {{ state: 'hidden', label: labelOf(found[0]) }};
  R.located = visible;
  return {{ state: 'found', label: labelOf(visible) }};
}}"#
    )
}

/// How this frame's DOM has been changing around an action that started `agoStart` ms
/// and ended `agoEnd` ms before this call, looked at after the next animation frame
/// (with `frame` false: once the tasks already queued, such as a click's handlers,
/// have run): `{idle, before, after, animations, watching, hidden}`: ms since the last change,
/// whether it changed in the `quietMs` before the action (a page that keeps
/// changing), whether it changed after the action, how many finite animations run,
/// for how long changes have been recorded at all, and whether the page is in the
/// background.
pub fn activity() -> String {
    format!(
        r#"async (frame, agoStart, agoEnd, quietMs) => {{{COMMON}
  const began = performance.now();
  // A page in the background (a popup took the front) draws no frames: wait for one
  // at most 100 ms.
  if (frame) await new Promise(r => {{ requestAnimationFrame(() => r()); setTimeout(r, 100); }});
  else await new Promise(r => {{ const c = new MessageChannel(); c.port1.onmessage = () => r(); c.port2.postMessage(0); }});
  const now = performance.now(), start = began - agoStart, end = began - agoEnd;
  const times = R.changes || [];
  const last = times.length ? times[times.length - 1] : 0;
  const animations = document.getAnimations ? document.getAnimations().filter(a => a.playState === 'running'
    && a.effect && a.effect.getTiming && a.effect.getTiming().iterations !== Infinity).length : 0;
  return {{ idle: now - last, before: times.some(t => t >= start - quietMs && t < start),
    after: times.some(t => t > end), animations, watching: now - (R.watchSince || 0),
    hidden: document.visibilityState === 'hidden' }};
}}"#
    )
}

/// Scrolls through the page two screens at a time (at most `steps`), one animation
/// frame each, then to the bottom and back to the top: lazy images, frames and players
/// (which load within a screen or two of the viewport) load on the way.
pub const SCROLL_THROUGH: &str = r#"async (steps) => {
  const frame = () => new Promise(r => { requestAnimationFrame(() => r()); setTimeout(r, 100); });
  const height = () => Math.max(document.documentElement.scrollHeight, document.body ? document.body.scrollHeight : 0);
  let done = 0;
  while (done < steps && scrollY + innerHeight < height()) {
    scrollBy(0, innerHeight * 2);
    await frame();
    done++;
  }
  if (done > 0) {
    scrollTo(0, height());
    await frame();
    scrollTo(0, 0);
    await frame();
  }
  return done;
}"#;

/// Visible clickable controls of the main frame with their centre in the viewport,
/// for `analyze_screenshot`.
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
