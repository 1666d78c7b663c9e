// Live pages: the attempt page listens to /attempts/{id}/events and keeps its steps
// current; the attempts list listens to /attempts/events and keeps statuses current.
// Text from the server is only ever set with textContent.
"use strict";

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}

function badge(status) {
  return el("span", "badge " + status.replace(/[^a-z_]/g, ""), status);
}

function renderStep(li, s) {
  li.textContent = "";
  li.dataset.step = s.step;
  li.dataset.outcome = s.outcome;
  li.dataset.started = s.started;
  li.appendChild(el("span", "number", s.step));
  li.appendChild(el("span", "tool", s.tool));
  li.appendChild(el("code", "args", s.args));
  const outcome = el("span", "outcome");
  outcome.appendChild(badge(s.outcome));
  li.appendChild(outcome);
  li.appendChild(el("span", "duration", s.duration_ms !== null ? s.duration_ms + " ms" : ""));
  li.dataset.duration = s.duration_ms || 0;
  if (s.tokens) li.appendChild(el("span", "tokens", s.tokens[0] + " in, " + s.tokens[1] + " out"));
  const bar = el("progress", "bar");
  bar.max = 100;
  li.appendChild(bar);
  if (s.note) li.appendChild(el("p", "note", "why: " + s.note));
  if (s.output) {
    const details = el("details", "output");
    details.appendChild(el("summary", null, s.output.split("\n")[0].slice(0, 120)));
    details.appendChild(el("pre", null, s.output));
    li.appendChild(details);
  }
  for (const shot of s.shots || []) {
    const a = el("a", "shot");
    a.href = "/screenshots/" + Number(shot);
    const img = el("img");
    img.src = a.href;
    img.alt = "screenshot of step " + Number(s.step);
    img.width = 160;
    a.appendChild(img);
    li.appendChild(a);
  }
}

// Bars are scaled to the longest step so far, so a new longest rescales them all.
function scaleBars(list, longest) {
  for (const li of list.querySelectorAll("li.step")) {
    const bar = li.querySelector("progress.bar");
    if (bar) bar.value = Math.min(100, Math.round((Number(li.dataset.duration) * 100) / Math.max(longest, 1)));
  }
}

function tick() {
  for (const li of document.querySelectorAll('li.step[data-outcome="running"]')) {
    const d = li.querySelector(".duration");
    if (d) d.textContent = ((Date.now() - Number(li.dataset.started)) / 1000).toFixed(1) + " s…";
  }
}

// Follows an event stream. The browser reconnects by itself after a dropped
// connection, but gives up on an error answer (the database was away): then this
// opens a new stream after a pause. `listen` adds the handlers; `done` says to stop.
function follow(url, listen, done) {
  let source = null;
  const open = () => {
    source = new EventSource(url);
    listen(source);
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED && !done()) setTimeout(open, 3000);
    };
  };
  open();
}

// The `li` for step `n`, made and put in step order when missing.
function stepItem(list, n) {
  let li = list.querySelector('li.step[data-step="' + n + '"]');
  if (li) return li;
  li = el("li", "step");
  li.dataset.step = n;
  const after = Array.from(list.querySelectorAll("li.step")).find((other) => Number(other.dataset.step) > n);
  list.insertBefore(li, after || null);
  return li;
}

function live() {
  const list = document.getElementById("timeline");
  if (!list || list.dataset.status !== "attempted") return;
  let longest = Number(list.dataset.longest) || 1;
  let ended = false;
  follow("/attempts/" + encodeURIComponent(list.dataset.attempt) + "/events", (source) => {
    source.addEventListener("step", (e) => {
      const s = JSON.parse(e.data);
      const li = stepItem(list, Number(s.step));
      // A stream that reconnected may read rows older than what is shown: a step
      // never goes back to running.
      if (s.outcome === "running" && li.dataset.outcome && li.dataset.outcome !== "running") return;
      longest = Math.max(longest, s.duration_ms || 0);
      renderStep(li, s);
      scaleBars(list, longest);
    });
    source.addEventListener("end", (e) => {
      const end = JSON.parse(e.data);
      ended = true;
      list.dataset.status = end.status;
      const status = document.getElementById("status");
      if (status) { status.textContent = ""; status.appendChild(badge(end.status)); }
      const p = document.getElementById("end");
      if (p) { p.textContent = "=> "; p.appendChild(badge(end.status)); p.appendChild(document.createTextNode(" " + (end.message || ""))); }
      // An ended attempt can no longer be cancelled.
      for (const form of document.querySelectorAll('form.action[action$="/cancel"]')) form.remove();
      source.close();
    });
  }, () => ended);
  setInterval(tick, 200);
}

function liveList() {
  const table = document.getElementById("attempts");
  if (!table) return;
  const body = table.querySelector("tbody");
  const filter = table.dataset.filter || "";
  follow("/attempts/events?status=" + encodeURIComponent(filter), (source) => source.addEventListener("attempt", (e) => {
    const a = JSON.parse(e.data);
    let tr = body.querySelector('tr[data-attempt="' + Number(a.id) + '"]');
    if (!tr) {
      if (table.dataset.prepend !== "true" || (filter && a.status !== filter)) return;
      tr = el("tr");
      tr.dataset.attempt = Number(a.id);
      const id = el("td");
      const link = el("a", null, a.id);
      link.href = "/attempts/" + Number(a.id);
      id.appendChild(link);
      const episode = el("td");
      if (a.episode !== null) {
        const e = el("a", null, a.episode);
        e.href = "/episodes/" + Number(a.episode);
        episode.appendChild(e);
      }
      const started = el("td");
      started.appendChild(moment(a.started_at, a.started));
      tr.append(id, episode, el("td", null, a.strategy), el("td", "status"), started, el("td", "took"), el("td", "message"));
      // Newest first.
      const older = Array.from(body.querySelectorAll("tr[data-attempt]")).find((other) => Number(other.dataset.attempt) < Number(a.id));
      body.insertBefore(tr, older || null);
    }
    const status = tr.querySelector("td.status");
    status.textContent = "";
    status.appendChild(badge(a.status));
    tr.querySelector("td.message").textContent = a.message;
  }), () => false);
}

// Times as "5 min ago"; the absolute time stays in the title, shown on hover.
function ago(ms) {
  const s = Math.round((Date.now() - ms) / 1000);
  if (s < 45) return "just now";
  if (s < 90 * 60) return Math.round(s / 60) + " min ago";
  if (s < 36 * 3600) return Math.round(s / 3600) + " h ago";
  return Math.round(s / 86400) + " days ago";
}

function moment(iso, absolute) {
  const t = el("time", null, absolute);
  t.dateTime = iso;
  t.title = absolute + " UTC";
  relative(t);
  return t;
}

function relative(t) {
  const ms = Date.parse(t.dateTime);
  if (!Number.isNaN(ms)) t.textContent = ago(ms);
}

function relativeTimes() {
  document.querySelectorAll("time[datetime]").forEach(relative);
}

document.addEventListener("DOMContentLoaded", () => {
  relativeTimes();
  setInterval(relativeTimes, 30000);
});
// The overview is live: an attempt newer than the page, or the end of one the page
// counts in flight, reloads it, at most once every two seconds (its numbers are the
// server's, rendered and escaped there). The stream's first rows, which the page
// already counts, change nothing.
function liveOverview() {
  const head = document.getElementById("overview");
  if (!head) return;
  const newest = Number(head.dataset.newest) || 0;
  const inFlight = new Set((head.dataset.inFlight || "").split(",").filter((s) => s).map(Number));
  let pending = false;
  follow("/attempts/events", (source) => source.addEventListener("attempt", (e) => {
    const a = JSON.parse(e.data);
    const id = Number(a.id);
    const changed = id > newest || (inFlight.has(id) && a.status !== "attempted");
    if (!changed || pending) return;
    pending = true;
    setTimeout(() => location.reload(), 2000);
  }), () => pending);
}

document.addEventListener("DOMContentLoaded", liveOverview);
document.addEventListener("DOMContentLoaded", live);
document.addEventListener("DOMContentLoaded", liveList);
