//! Redaction of secrets and truncation of outputs, applied once by the progress actor
//! before any sink sees an event.
//!
//! Keys such as `authorization`, `cookie`, `api_key`, `token` and `password` have their
//! values replaced in JSON objects, and the same names are masked in free text:
//! `key=value` / `key: value` pairs, URL query parameters, and bearer tokens.

use std::sync::LazyLock;

use regex::Regex;
use serde_json::Value;

use crate::event::{EventKind, ProgressEvent};

/// What a redacted secret is replaced with.
pub const REDACTED: &str = "[REDACTED]";

const SECRET_KEY_PARTS: [&str; 7] = [
    "authorization",
    "cookie",
    "api_key",
    "apikey",
    "token",
    "password",
    "secret",
];

/// True when a JSON key or parameter name names a secret.
pub fn is_secret_key(key: &str) -> bool {
    let normalized = key.to_ascii_lowercase().replace('-', "_");
    SECRET_KEY_PARTS
        .iter()
        .any(|part| normalized.contains(part))
        || normalized == "passwd"
}

const BEARER: &str = r"(?i)\b(bearer|basic)\s+[A-Za-z0-9._~+/=\-]{4,}";

// A secret-looking name followed by `=` or `:` (optionally quoted, as in JSON text),
// then the value up to the next delimiter.
const KEY_VALUE: &str = r#"(?i)\b([a-z0-9_\-]*(?:authorization|cookie|api[_\-]?key|token|password|passwd|secret)[a-z0-9_\-]*)("?\s*[=:]\s*"?)([^\s&;,"'<>]+)"#;

/// The compiled text patterns.
struct Patterns {
    bearer: Regex,
    key_value: Regex,
}

impl Patterns {
    fn compile(bearer: &str, key_value: &str) -> Result<Patterns, regex::Error> {
        Ok(Patterns {
            bearer: Regex::new(bearer)?,
            key_value: Regex::new(key_value)?,
        })
    }
}

static PATTERNS: LazyLock<Result<Patterns, regex::Error>> =
    LazyLock::new(|| Patterns::compile(BEARER, KEY_VALUE));

/// Compiles the redaction patterns. The runtime calls this before it starts, so a
/// pattern that does not compile is a start-up error, never redaction silently off.
pub fn check_patterns() -> Result<(), regex::Error> {
    PATTERNS.as_ref().map(|_| ()).map_err(Clone::clone)
}

/// Masks secrets in free text (error messages, tool output, URLs).
pub fn redact_text(text: &str) -> String {
    redact_with(PATTERNS.as_ref().ok(), text)
}

/// Without patterns (they did not compile) nothing of the text is let through.
fn redact_with(patterns: Option<&Patterns>, text: &str) -> String {
    let Some(patterns) = patterns else {
        return REDACTED.to_string();
    };
    let out = patterns
        .bearer
        .replace_all(text, format!("$1 {REDACTED}"))
        .into_owned();
    patterns
        .key_value
        .replace_all(&out, |caps: &regex::Captures<'_>| {
            if caps[3].eq_ignore_ascii_case(REDACTED) {
                caps[0].to_string()
            } else {
                format!("{}{}{}", &caps[1], &caps[2], REDACTED)
            }
        })
        .into_owned()
}

/// Masks secrets in a JSON value: values under secret keys, and secrets inside strings.
pub fn redact_value(value: &mut Value) {
    match value {
        Value::Object(map) => {
            for (key, v) in map.iter_mut() {
                if is_secret_key(key) {
                    *v = Value::String(REDACTED.to_string());
                } else {
                    redact_value(v);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(redact_value),
        Value::String(s) => {
            let masked = redact_text(s);
            if masked != *s {
                *s = masked;
            }
        }
        _ => {}
    }
}

/// Cuts `text` to at most `limit` characters (not bytes), marking the cut.
pub fn truncate_chars(text: &str, limit: usize) -> String {
    match text.char_indices().nth(limit) {
        None => text.to_string(),
        Some((cut, _)) => {
            let mut out = String::with_capacity(cut + 3);
            out.push_str(&text[..cut]);
            out.push('…');
            out
        }
    }
}

/// Redacts every free-text and JSON field of an event and truncates tool output.
pub fn scrub_event(event: &mut ProgressEvent, output_limit: usize) {
    match &mut event.kind {
        EventKind::AttemptStarted(started) => {
            started.url = started.url.as_deref().map(redact_text);
        }
        EventKind::ScreenshotTaken(_) => {}
        EventKind::ToolCallStarted(call) => redact_value(&mut call.args),
        EventKind::ToolCallFinished(done) => {
            redact_value(&mut done.args);
            done.output = truncate_chars(&redact_text(&done.output), output_limit);
        }
        EventKind::PlannerNote(note) => note.note = redact_text(&note.note),
        EventKind::AttemptFinished(end) => end.message = redact_text(&end.message),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn secret_keys_are_masked_at_any_depth() {
        let mut v = json!({
            "url": "https://x.test/a?token=abc123&page=2",
            "headers": {"Authorization": "Bearer abc.def", "Accept": "audio/mpeg"},
            "nested": [{"api_key": "k1"}, {"Set-Cookie": "sid=1"}],
            "password": 42
        });
        redact_value(&mut v);
        assert_eq!(
            v,
            json!({
                "url": "https://x.test/a?token=[REDACTED]&page=2",
                "headers": {"Authorization": "[REDACTED]", "Accept": "audio/mpeg"},
                "nested": [{"api_key": "[REDACTED]"}, {"Set-Cookie": "[REDACTED]"}],
                "password": "[REDACTED]"
            })
        );
    }

    #[test]
    fn secrets_in_text_are_masked() {
        let text = "GET /x?api_key=s3cr3t&q=1 failed; Authorization: Bearer eyJhbGciOi.x \
                    password=\"hunter2\" {\"access_token\": \"tok\"}";
        let masked = redact_text(text);
        for secret in ["s3cr3t", "eyJhbGciOi", "hunter2", "\"tok\""] {
            assert!(!masked.contains(secret), "{secret} leaked in {masked}");
        }
        assert!(masked.contains("q=1"), "{masked}");
        assert_eq!(redact_text("nothing to hide here"), "nothing to hide here");
    }

    #[test]
    fn patterns_that_do_not_compile_are_an_error_and_let_nothing_through() {
        assert!(check_patterns().is_ok(), "the built-in patterns compile");
        assert!(Patterns::compile("(unclosed", KEY_VALUE).is_err());
        assert_eq!(redact_with(None, "password=hunter2"), REDACTED);
    }

    #[test]
    fn truncation_counts_characters_not_bytes() {
        assert_eq!(truncate_chars("äöüß", 2), "äö…");
        assert_eq!(truncate_chars("abc", 3), "abc");
        assert_eq!(truncate_chars("", 0), "");
    }
}
