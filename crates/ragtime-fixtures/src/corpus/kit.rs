//! Helpers for writing corpus pages: typed responses, the origin placeholders of
//! templates (`@BASE@`, `@PBASE@`, `@SITE@`, `@PLAYER@`), placeholder pictures and the
//! plain section pages that every link away from an episode answers with.

use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::CorpusRequest;

/// An HTML response.
pub fn html(body: impl Into<String>) -> Response {
    (
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        body.into(),
    )
        .into_response()
}

/// A JSON response (an API a player calls).
pub fn json(body: impl Into<String>) -> Response {
    (
        [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
        body.into(),
    )
        .into_response()
}

/// A JavaScript response (a player's script).
pub fn javascript(body: impl Into<String>) -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        body.into(),
    )
        .into_response()
}

/// A redirect (302) to `location`.
pub fn redirect(location: &str) -> Response {
    (
        StatusCode::FOUND,
        [(header::LOCATION, location.to_string())],
    )
        .into_response()
}

/// A status with a short text body (401 for a login wall, 404, ...).
pub fn status(code: StatusCode, text: &str) -> Response {
    (code, text.to_string()).into_response()
}

/// The template with its origin placeholders written out.
pub fn fill(template: &str, request: &CorpusRequest<'_>) -> String {
    let base = format!("{}/corpus/{}", request.origins.site, request.slug);
    let pbase = format!("{}/corpus/{}", request.origins.player, request.slug);
    template
        .replace("@BASE@", &base)
        .replace("@PBASE@", &pbase)
        .replace("@SITE@", &request.origins.site)
        .replace("@PLAYER@", &request.origins.player)
}

/// The template, filled in, as an HTML page.
pub fn page(template: &str, request: &CorpusRequest<'_>) -> Option<Response> {
    Some(html(fill(template, request)))
}

/// The template, filled in, as JavaScript.
pub fn script(template: &str, request: &CorpusRequest<'_>) -> Option<Response> {
    Some(javascript(fill(template, request)))
}

/// The template, filled in, as JSON.
pub fn data(template: &str, request: &CorpusRequest<'_>) -> Option<Response> {
    Some(json(fill(template, request)))
}

/// The path below the page, without a trailing slash.
pub fn rest<'a>(request: &CorpusRequest<'a>) -> &'a str {
    request.rest.trim_end_matches('/')
}

/// Whether the request is for the page itself on the site, not a resource or the player
/// host.
pub fn is_page(request: &CorpusRequest<'_>) -> bool {
    request.rest.is_empty() && !request.on_player_host
}

/// Whether a path names an image by its extension.
pub fn is_image(rest: &str) -> bool {
    let lower = rest.to_ascii_lowercase();
    [".jpg", ".jpeg", ".png", ".svg", ".webp", ".gif", ".ico"]
        .iter()
        .any(|ext| lower.ends_with(ext))
}

/// Cover art, logos and photos: a quiet placeholder picture (a small BMP, which needs no
/// namespace URL the way an SVG file would).
pub fn placeholder_image(rest: &str) -> Response {
    let name = rest.rsplit('/').next().unwrap_or("image");
    let mut seed: u32 = 7;
    for byte in name.bytes() {
        seed = (seed * 31 + u32::from(byte)) % 9973;
    }
    #[allow(
        clippy::cast_possible_truncation,
        reason = "each channel is 60 plus a remainder of 120, so below 180"
    )]
    let base = [
        (60 + seed % 120) as u8,
        (60 + (seed / 7) % 120) as u8,
        (60 + (seed / 49) % 120) as u8,
    ];
    let light = [
        base[0].saturating_add(60),
        base[1].saturating_add(60),
        base[2].saturating_add(60),
    ];
    let size: u32 = 32;
    let row = size * 3; // 96 bytes, already a multiple of 4
    let pixels = row * size;
    let mut bmp = Vec::with_capacity((54 + pixels) as usize);
    bmp.extend_from_slice(b"BM");
    bmp.extend_from_slice(&(54 + pixels).to_le_bytes());
    bmp.extend_from_slice(&[0, 0, 0, 0]);
    bmp.extend_from_slice(&54u32.to_le_bytes());
    bmp.extend_from_slice(&40u32.to_le_bytes());
    bmp.extend_from_slice(&size.to_le_bytes());
    bmp.extend_from_slice(&size.to_le_bytes());
    bmp.extend_from_slice(&1u16.to_le_bytes());
    bmp.extend_from_slice(&24u16.to_le_bytes());
    bmp.extend_from_slice(&[0; 4]);
    bmp.extend_from_slice(&pixels.to_le_bytes());
    bmp.extend_from_slice(&[0; 16]);
    for y in 0..size as i32 {
        for x in 0..size as i32 {
            let (dx, dy) = (x - 16, y - 18);
            let colour = if dx * dx + dy * dy < 64 { light } else { base };
            bmp.extend_from_slice(&colour);
        }
    }
    ([(header::CONTENT_TYPE, "image/bmp")], bmp).into_response()
}

/// A plain page of the same site for links that lead away from the episode (navigation,
/// other sections, outbound services): it answers, and it holds no audio.
pub fn section_page(request: &CorpusRequest<'_>) -> Response {
    let path = request.rest.trim_matches('/');
    let last = path.rsplit('/').next().unwrap_or("");
    let title: String = last
        .split(['-', '_', '.'])
        .filter(|word| !word.is_empty())
        .map(|word| {
            let mut chars = word.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().collect::<String>() + chars.as_str(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    let title = if title.is_empty() {
        "Home".to_string()
    } else {
        title
    };
    let outbound = path.starts_with("out/") || path.starts_with("app");
    let body = if outbound {
        format!("<p class=\"muted\">&rarr; {title}</p>")
    } else {
        String::new()
    };
    let back = format!("{}/corpus/{}", request.origins.site, request.slug);
    html(format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
         <title>{title}</title><style>body{{font:16px/1.5 system-ui,sans-serif;max-width:640px;margin:60px auto;padding:0 20px;color:#222}}\
         .muted{{color:#777}}a{{color:#2457c5}}</style></head><body><h1>{title}</h1>{body}\
         <p><a href=\"{back}\">&larr; Back</a></p></body></html>"
    ))
}

/// A plain-text response with status `code`.
pub fn with_status(code: StatusCode, text: &str) -> Option<Response> {
    Some(status(code, text))
}

/// The value of one query parameter, as sent (not decoded).
pub fn query_param<'a>(request: &CorpusRequest<'a>, name: &str) -> Option<&'a str> {
    request.query?.split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        (key == name).then_some(value)
    })
}
