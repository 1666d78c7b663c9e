//! The admin's HTML pages. Every value goes through maud's escaping.

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use ragtime_core::{AttemptId, AttemptStatus, EpisodeId};
use ragtime_store::{AttemptFilter, EpisodeFilter, EpisodeStatus};
use serde::Deserialize;

use super::Shared;
use super::auth::session_token;
use super::layout::frame;

fn csrf_of(state: &Shared, headers: &HeaderMap) -> String {
    session_token(headers)
        .and_then(|t| state.sessions.csrf(&t))
        .unwrap_or_default()
}

/// The answer when the database fails a request; the cause goes to the log only.
pub(super) fn internal(err: impl std::fmt::Display) -> Response {
    tracing::error!(error = %err, "admin request failed");
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        "the database could not answer",
    )
        .into_response()
}

/// A `?status=` filter: none when absent or empty, 400 when it names no status.
pub(super) fn status_filter<T>(
    text: Option<&str>,
    parse: impl Fn(&str) -> Option<T>,
) -> Result<Option<T>, (StatusCode, &'static str)> {
    match text.filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(text) => parse(text)
            .map(Some)
            .ok_or((StatusCode::BAD_REQUEST, "unknown status")),
    }
}

/// A moment, shown as an absolute time that the page script turns into "5 min ago",
/// the absolute time on hover.
fn when(at: chrono::DateTime<chrono::Utc>) -> Markup {
    html! {
        time datetime=(at.to_rfc3339()) title=(at.format("%Y-%m-%d %H:%M:%S UTC")) {
            (at.format("%Y-%m-%d %H:%M:%S"))
        }
    }
}

/// How long an attempt took, once it has ended.
fn took(
    started: chrono::DateTime<chrono::Utc>,
    finished: Option<chrono::DateTime<chrono::Utc>>,
) -> String {
    finished.map_or_else(String::new, |end| {
        let ms = (end - started).num_milliseconds().max(0);
        if ms < 60_000 {
            format!("{:.1} s", ms as f64 / 1000.0)
        } else {
            format!("{} min {} s", ms / 60_000, (ms % 60_000) / 1000)
        }
    })
}

fn badge(status: &str) -> Markup {
    html! { span class={"badge " (status)} { (status) } }
}

#[derive(Deserialize)]
pub struct AttemptsQuery {
    status: Option<String>,
    /// Only attempts of this strategy (`agent`, `human`, ...).
    strategy: Option<String>,
    page: Option<u64>,
}

const PAGE: u64 = 50;

pub async fn attempts(
    State(state): State<Shared>,
    headers: HeaderMap,
    Query(q): Query<AttemptsQuery>,
) -> Response {
    let status = match status_filter(q.status.as_deref(), AttemptStatus::parse) {
        Ok(status) => status,
        Err(bad) => return bad.into_response(),
    };
    let page = q.page.unwrap_or(0).min(10_000);
    let strategy = q
        .strategy
        .filter(|s| !s.is_empty())
        .map(|s| s.chars().take(40).collect::<String>());
    let filter = AttemptFilter {
        status,
        strategy: strategy.clone(),
        limit: PAGE + 1,
        offset: page * PAGE,
        ..Default::default()
    };
    let mut rows = match state.app.store.attempts(&filter).await {
        Ok(rows) => rows,
        Err(err) => return internal(err),
    };
    let more = rows.len() as u64 > PAGE;
    rows.truncate(usize::try_from(PAGE).unwrap_or(usize::MAX));
    let chosen = status.map(|s| s.as_str()).unwrap_or("");
    let strategy = strategy.unwrap_or_default();
    let link = |status: &str, strategy: &str, page: u64| {
        let mut url = url::form_urlencoded::Serializer::new(String::new());
        if !status.is_empty() {
            url.append_pair("status", status);
        }
        if !strategy.is_empty() {
            url.append_pair("strategy", strategy);
        }
        if page > 0 {
            url.append_pair("page", &page.to_string());
        }
        format!("/attempts?{}", url.finish())
    };
    let body = html! {
        h1 { "Recovery attempts" }
        p.filters {
            @for s in std::iter::once("").chain(AttemptStatus::ALL.map(AttemptStatus::as_str)) {
                a href=(link(s, &strategy, 0)) class=@if s == chosen { "chosen" } {
                    @if s.is_empty() { "all" } @else if s == AttemptStatus::Attempted.as_str() { "in flight" } @else { (s.replace('_', " ")) }
                }
            }
        }
        p.filters {
            @for s in ["", "agent", "human"] {
                a href=(link(chosen, s, 0)) class=@if s == strategy { "chosen" } {
                    @if s.is_empty() { "every strategy" } @else { (s) }
                }
            }
        }
        // New attempts are added live only where they belong: the first page of all
        // or in-flight attempts.
        table #attempts data-filter=(chosen) data-prepend=((page == 0 && strategy.is_empty() && (chosen.is_empty() || chosen == AttemptStatus::Attempted.as_str())).to_string()) {
            thead { tr { th { "#" } th { "episode" } th { "strategy" } th { "status" } th { "started" } th { "took" } th { "message" } } }
            tbody {
                @for a in &rows {
                    tr data-attempt=(a.id) {
                        td { a href={"/attempts/" (a.id)} { (a.id) } }
                        td { @if let Some(e) = a.episode_id { a href={"/episodes/" (e)} { (e) } } }
                        td { (a.strategy) }
                        td.status { (badge(a.status.as_str())) }
                        td { (when(a.started_at)) }
                        td.took { (took(a.started_at, a.finished_at)) }
                        td.message { (a.message.as_deref().unwrap_or("")) }
                    }
                }
            }
        }
        p.pages {
            @if page > 0 { a href=(link(chosen, &strategy, page - 1)) { "← newer" } }
            @if more { a href=(link(chosen, &strategy, page + 1)) { "older →" } }
        }
    };
    frame("Attempts", Some(&csrf_of(&state, &headers)), body).into_response()
}

pub async fn attempt(
    State(state): State<Shared>,
    headers: HeaderMap,
    Path(id): Path<AttemptId>,
) -> Response {
    let row = match state.app.store.attempt(id).await {
        Ok(Some(row)) => row,
        Ok(None) => return (StatusCode::NOT_FOUND, "no such attempt").into_response(),
        Err(err) => return internal(err),
    };
    let (steps, shots) = match (
        state.app.store.steps(id).await,
        state.app.store.screenshots_of(id).await,
    ) {
        (Ok(steps), Ok(shots)) => (steps, shots),
        (Err(err), _) | (_, Err(err)) => return internal(err),
    };
    let csrf = csrf_of(&state, &headers);
    let longest = steps
        .iter()
        .filter_map(|s| s.duration_ms)
        .max()
        .unwrap_or(1)
        .max(1);
    let tokens = ragtime_timeline::total_tokens(&steps);
    let body = html! {
        h1 { "Attempt " (row.id) " " span #status { (badge(row.status.as_str())) } }
        p.meta {
            "strategy " (row.strategy)
            @if let Some(e) = row.episode_id { " · episode " a href={"/episodes/" (e)} { (e) } }
            " · started " (when(row.started_at))
            @if row.finished_at.is_some() { " · took " (took(row.started_at, row.finished_at)) }
            @if let Some((read, written)) = tokens { " · model tokens " (read) " in, " (written) " out" }
            @if let (Some(template), Some(trace)) = (&state.trace_url, row.trace_id) {
                " · " a.trace href=(crate::settings::trace_link(template, &trace.to_string())) { "trace" }
            }
        }
        ol #timeline data-attempt=(row.id) data-status=(row.status.as_str()) data-longest=(longest) {
            @for s in &steps {
                li.step data-step=(s.step) data-outcome=(s.outcome.as_str()) data-started=(s.started_at.timestamp_millis()) data-duration=(s.duration_ms.unwrap_or(0)) {
                    span.number { (s.step) }
                    span.tool { (s.tool) }
                    code.args { (ragtime_timeline::clean(&s.args.to_string(), 300)) }
                    span.outcome { (badge(s.outcome.as_str())) }
                    span.duration { @if let Some(ms) = s.duration_ms { (ms) " ms" } }
                    @if let Some((read, written)) = s.tokens {
                        span.tokens { (read) " in, " (written) " out" }
                    }
                    // A <progress> needs no inline style, which the CSP forbids.
                    progress.bar max="100" value=(s.duration_ms.unwrap_or(0) * 100 / longest) {}
                    @if let Some(note) = &s.note { p.note { "why: " (note) } }
                    @if let Some(output) = s.output.as_deref().filter(|o| !o.is_empty()) {
                        details.output { summary { (ragtime_timeline::clean(output.lines().next().unwrap_or(""), 120)) } pre { (output) } }
                    }
                    @for shot in shots.iter().filter(|(_, step)| *step == s.step) {
                        a.shot href={"/screenshots/" (shot.0)} { img src={"/screenshots/" (shot.0)} alt={"screenshot of step " (s.step)} width="160"; }
                    }
                }
            }
        }
        {
            @if row.status == AttemptStatus::Attempted {
                form.action method="post" action={"/attempts/" (row.id) "/cancel"} {
                    input type="hidden" name="csrf" value=(csrf);
                    button type="submit" { "Cancel" }
                }
            } @else if row.status == AttemptStatus::AwaitingHuman {
                form.action method="post" action={"/attempts/" (row.id) "/retry"} {
                    input type="hidden" name="csrf" value=(csrf);
                    button type="submit" { "Retry with agent" }
                }
            }
        }
        p #end {
            @if row.status != AttemptStatus::Attempted { "=> " (badge(row.status.as_str())) " " (row.message.as_deref().unwrap_or("")) }
        }
    };
    frame(&format!("Attempt {id}"), Some(&csrf), body).into_response()
}

#[derive(Deserialize)]
pub struct EpisodesQuery {
    status: Option<String>,
    q: Option<String>,
    page: Option<u64>,
}

pub async fn episodes(
    State(state): State<Shared>,
    headers: HeaderMap,
    Query(query): Query<EpisodesQuery>,
) -> Response {
    let status = match status_filter(query.status.as_deref(), EpisodeStatus::parse) {
        Ok(status) => status,
        Err(bad) => return bad.into_response(),
    };
    let text: String = query
        .q
        .unwrap_or_default()
        .trim()
        .chars()
        .take(200)
        .collect();
    let page = query.page.unwrap_or(0).min(10_000);
    let filter = EpisodeFilter {
        status,
        text: Some(text.clone()),
        limit: PAGE + 1,
        offset: page * PAGE,
    };
    let mut rows = match state.app.store.find_episodes(&filter).await {
        Ok(rows) => rows,
        Err(err) => return internal(err),
    };
    let more = rows.len() as u64 > PAGE;
    rows.truncate(usize::try_from(PAGE).unwrap_or(usize::MAX));
    let chosen = status.map(|s| s.as_str()).unwrap_or("");
    let link = |status: &str, page: u64| {
        let mut url = url::form_urlencoded::Serializer::new(String::new());
        if !status.is_empty() {
            url.append_pair("status", status);
        }
        if !text.is_empty() {
            url.append_pair("q", &text);
        }
        if page > 0 {
            url.append_pair("page", &page.to_string());
        }
        format!("/episodes?{}", url.finish())
    };
    let csrf = csrf_of(&state, &headers);
    let body = html! {
        h1 { "Episodes" }
        p.filters {
            a href=(link("", 0)) class=@if chosen.is_empty() { "chosen" } { "all" }
            @for s in EpisodeStatus::ALL {
                a href=(link(s.as_str(), 0)) class=@if s.as_str() == chosen { "chosen" } { (s.as_str().replace('_', " ")) }
            }
        }
        form.search method="get" action="/episodes" {
            @if !chosen.is_empty() { input type="hidden" name="status" value=(chosen); }
            input type="search" name="q" value=(text) placeholder="URL or title contains";
            button type="submit" { "Filter" }
        }
        table #episodes {
            thead { tr { th { "#" } th { "title" } th { "status" } th { "url" } th { "error" } } }
            tbody {
                @for e in &rows {
                    tr {
                        td { a href={"/episodes/" (e.id)} { (e.id) } }
                        td { (e.title.as_deref().unwrap_or("")) }
                        td { (badge(e.status.as_str())) }
                        td.url { (e.url) }
                        td.message { (e.error.as_deref().unwrap_or("")) }
                    }
                }
            }
        }
        p.pages {
            @if page > 0 { a href=(link(chosen, page - 1)) { "← newer" } }
            @if more { a href=(link(chosen, page + 1)) { "older →" } }
        }
        h2 { "Add episodes" }
        form.action method="post" action="/episodes/add" {
            input type="hidden" name="csrf" value=(csrf);
            label { "Episode page URLs, one per line" textarea name="urls" rows="4" required {} }
            button type="submit" { "Add" }
        }
    };
    frame("Episodes", Some(&csrf), body).into_response()
}

pub async fn episode(
    State(state): State<Shared>,
    headers: HeaderMap,
    Path(id): Path<EpisodeId>,
) -> Response {
    let row = match state.app.store.episode(id).await {
        Ok(Some(row)) => row,
        Ok(None) => return (StatusCode::NOT_FOUND, "no such episode").into_response(),
        Err(err) => return internal(err),
    };
    let filter = AttemptFilter {
        episode_id: Some(id),
        limit: 200,
        ..Default::default()
    };
    let (events, attempts) = match (
        state.app.store.pipeline_events(id).await,
        state.app.store.attempts(&filter).await,
    ) {
        (Ok(events), Ok(attempts)) => (events, attempts),
        (Err(err), _) | (_, Err(err)) => return internal(err),
    };
    let csrf = csrf_of(&state, &headers);
    let body = html! {
        h1 { "Episode " (row.id) " " (badge(row.status.as_str())) }
        dl {
            dt { "URL" } dd.url { (row.url) }
            dt { "title" } dd { (row.title.as_deref().unwrap_or("")) }
            dt { "language" } dd { (row.language.as_deref().unwrap_or("")) }
            dt { "audio" } dd { (row.audio_file.as_deref().or(row.audio_url.as_deref()).unwrap_or("")) }
            dt { "error" } dd { (row.error.as_deref().unwrap_or("")) }
        }
        h2 { "Pipeline events" }
        ul { @for e in &events { li { (e.created_at.format("%H:%M:%S")) " " (e.step) " " (e.error_type) ": " (e.message) } } }
        @if matches!(row.status, EpisodeStatus::AwaitingHuman | EpisodeStatus::Failed) {
            h2 { "Resolve by hand" }
            form.action method="post" action={"/episodes/" (row.id) "/use-url"} {
                input type="hidden" name="csrf" value=(csrf);
                label { "Audio URL " input type="url" name="url" required placeholder="https://..."; }
                button type="submit" { "Use this audio URL" }
            }
            form.action method="post" enctype="multipart/form-data" action={"/episodes/" (row.id) "/upload"} {
                input type="hidden" name="csrf" value=(csrf);
                label { "MP3 file " input type="file" name="file" accept="audio/mpeg,.mp3" required; }
                button type="submit" { "Upload the MP3" }
            }
            form.action method="post" action={"/episodes/" (row.id) "/retry"} {
                input type="hidden" name="csrf" value=(csrf);
                button type="submit" { "Retry with the agent" }
            }
            form.action method="post" action={"/episodes/" (row.id) "/give-up"} {
                input type="hidden" name="csrf" value=(csrf);
                label { "Reason " input type="text" name="reason" required; }
                button type="submit" { "Give up" }
            }
        }
        h2 { "Recovery attempts" }
        ul { @for a in &attempts { li { a href={"/attempts/" (a.id)} { "attempt " (a.id) } " " (a.strategy) " " (badge(a.status.as_str())) " " (a.message.as_deref().unwrap_or("")) } } }
    };
    frame(&format!("Episode {id}"), Some(&csrf), body).into_response()
}

pub async fn screenshot(State(state): State<Shared>, Path(id): Path<i64>) -> Response {
    match state.app.store.screenshot(id).await {
        Ok(Some(png)) => ([(header::CONTENT_TYPE, "image/png")], png).into_response(),
        Ok(None) => (StatusCode::NOT_FOUND, "no such screenshot").into_response(),
        Err(err) => internal(err),
    }
}

/// `/`: the whole ingest at a glance; every number links to the list it counts.
pub async fn overview(State(state): State<Shared>, headers: HeaderMap) -> Response {
    let since = chrono::Utc::now() - chrono::Duration::hours(24);
    let o = match state.app.store.overview(since).await {
        Ok(o) => o,
        Err(err) => return internal(err),
    };
    let ended_total: u64 = o.ended.iter().map(|(_, n)| n).sum();
    let seconds = |ms: i64| format!("{:.1} s", ms as f64 / 1000.0);
    let body = html! {
        h1 #overview data-newest=(o.newest.map_or(0, |id| id.get())) data-in-flight=(o.in_flight_ids.iter().map(|id| id.get().to_string()).collect::<Vec<_>>().join(",")) { "Overview" }
        h2 { "Episodes" }
        table #episode-counts {
            tbody {
                @for (status, n) in &o.episodes {
                    tr {
                        td { (badge(status.as_str())) }
                        td.count { a href={"/episodes?status=" (status.as_str())} { (n) } }
                    }
                }
            }
        }
        p { "Attempts in flight: " a #in-flight href="/attempts?status=attempted" { (o.in_flight) } }
        h2 { "Attempts of the last 24 hours" }
        table #ended {
            tbody {
                @for (status, n) in &o.ended {
                    tr {
                        td { (badge(status.as_str())) }
                        td.count { a href={"/attempts?status=" (status.as_str())} { (n) } }
                        td { meter min="0" max=(ended_total.max(1)) value=(n) { (n) } }
                    }
                }
            }
        }
        p #resolution {
            "Time to resolution: "
            @match o.resolution_ms {
                Some((median, p95)) => { "median " (seconds(median)) ", p95 " (seconds(p95)) }
                None => { "no attempt resolved" }
            }
        }
        h2 { "Tools that fail or time out most" }
        table #failing-tools {
            thead { tr { th { "tool" } th { "errors" } th { "timeouts" } } }
            tbody {
                @for (tool, errors, timeouts) in &o.failing_tools {
                    tr { td { (tool) } td.count { (errors) } td.count { (timeouts) } }
                }
            }
        }
        h2 { "Commonest escalation reasons" }
        table #escalations {
            tbody {
                @for (reason, n) in &o.escalations {
                    tr {
                        td.message { (reason) }
                        td.count { a href="/attempts?status=awaiting_human" { (n) } }
                    }
                }
            }
        }
    };
    frame("Overview", Some(&csrf_of(&state, &headers)), body).into_response()
}
