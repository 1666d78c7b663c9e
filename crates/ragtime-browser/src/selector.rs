//! The selectors agents write: CSS, plus the Playwright forms `button:has-text("X")`,
//! `text="X"` (exact) and `text=X` (contains). The page script resolves them.

use serde::Serialize;

/// A parsed selector, handed to the page script as JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Locator {
    /// CSS part; `None` means "any clickable element, then any element".
    pub css: Option<String>,
    /// Text the element must show (in its text, aria-label or title).
    pub text: Option<String>,
    /// Whole text equal (after whitespace folding) rather than contained.
    pub exact: bool,
}

/// Reads a selector as the tools take it (CSS, text to match, or both) into a [`Locator`];
/// an error says what is wrong with it.
pub fn parse(selector: &str) -> Result<Locator, String> {
    let selector = selector.trim();
    if selector.is_empty() {
        return Err("empty selector".to_string());
    }
    if let Some(rest) = selector.strip_prefix("text=") {
        return Ok(match unquote(rest) {
            Some(text) => Locator {
                css: None,
                text: Some(text),
                exact: true,
            },
            None => Locator {
                css: None,
                text: Some(rest.trim().to_string()),
                exact: false,
            },
        });
    }
    if let Some(at) = selector.find(":has-text(") {
        let css = selector[..at].trim();
        let inner = selector[at + ":has-text(".len()..]
            .strip_suffix(')')
            .ok_or_else(|| format!("unclosed :has-text( in {selector:?}"))?;
        let text = unquote(inner).unwrap_or_else(|| inner.trim().to_string());
        return Ok(Locator {
            css: (!css.is_empty()).then(|| css.to_string()),
            text: Some(text),
            exact: false,
        });
    }
    Ok(Locator {
        css: Some(selector.to_string()),
        text: None,
        exact: false,
    })
}

/// The text inside matching quotes, with backslash escapes undone (`\"`, `\'`,
/// `\\`), as Playwright reads `text="Say \"hello\""`.
fn unquote(text: &str) -> Option<String> {
    let text = text.trim();
    for quote in ['"', '\''] {
        let Some(inner) = text
            .strip_prefix(quote)
            .and_then(|t| t.strip_suffix(quote))
            .filter(|_| text.len() >= 2)
        else {
            continue;
        };
        let mut out = String::with_capacity(inner.len());
        let mut chars = inner.chars();
        while let Some(c) = chars.next() {
            match c {
                '\\' => out.push(chars.next().unwrap_or('\\')),
                other => out.push(other),
            }
        }
        return Some(out);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn playwright_forms_and_css() {
        assert_eq!(
            parse("button:has-text(\"Mehr Informationen\")"),
            Ok(Locator {
                css: Some("button".into()),
                text: Some("Mehr Informationen".into()),
                exact: false
            })
        );
        assert_eq!(
            parse("text=\"Download\""),
            Ok(Locator {
                css: None,
                text: Some("Download".into()),
                exact: true
            })
        );
        assert_eq!(
            parse("text=Down"),
            Ok(Locator {
                css: None,
                text: Some("Down".into()),
                exact: false
            })
        );
        assert_eq!(
            parse(":has-text('⋮')"),
            Ok(Locator {
                css: None,
                text: Some("⋮".into()),
                exact: false
            })
        );
        assert_eq!(
            parse("#play"),
            Ok(Locator {
                css: Some("#play".into()),
                text: None,
                exact: false
            })
        );
        assert_eq!(
            parse(r#"text="Say \"hello\"""#).map(|l| l.text),
            Ok(Some("Say \"hello\"".to_string())),
            "escaped quotes are unescaped"
        );
        assert_eq!(
            parse(r#"text='l\'épisode'"#).map(|l| l.text),
            Ok(Some("l'épisode".to_string()))
        );
        assert!(parse("  ").is_err());
        assert!(parse("button:has-text(\"x\"").is_err());
    }
}
