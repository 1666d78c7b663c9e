//! The frame every admin page shares: head, the static script and style, and the
//! navigation of a logged-in session. It imports nothing of the admin, so the login
//! page and the other pages both use it without a circle.

use maud::{DOCTYPE, Markup, html};

/// The page frame; `csrf` adds the navigation and the logout button.
pub fn frame(title: &str, csrf: Option<&str>, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · ragtime" }
                link rel="stylesheet" href="/static/app.css";
                script src="/static/app.js" defer {}
            }
            body {
                @if let Some(csrf) = csrf {
                    nav {
                        a href="/" { "Overview" }
                        a href="/attempts" { "Attempts" }
                        a href="/episodes" { "Episodes" }
                        form.logout method="post" action="/logout" {
                            input type="hidden" name="csrf" value=(csrf);
                            button type="submit" { "Log out" }
                        }
                    }
                }
                main { (body) }
            }
        }
    }
}

pub fn layout(title: &str, body: Markup) -> Markup {
    frame(title, None, body)
}
