//! What the benchmarks share: medians and percentiles, and memory figures from /proc.

#![allow(dead_code, reason = "each benchmark uses only some of these")]

/// The median of `samples` (sorted in place); NaN when there are none.
pub fn median(samples: &mut [f64]) -> f64 {
    percentile(samples, 0.5)
}

/// The `p` quantile (0 to 1) of `samples` (sorted in place); NaN when there are none.
#[allow(
    clippy::cast_possible_truncation,
    reason = "a rounded index between 0 and len - 1, which fits a usize"
)]
pub fn percentile(samples: &mut [f64], p: f64) -> f64 {
    if samples.is_empty() {
        return f64::NAN;
    }
    samples.sort_by(f64::total_cmp);
    samples[((samples.len() - 1) as f64 * p).round() as usize]
}

/// A `kB` field of `/proc/{pid}/status` (`VmRSS`, `VmHWM`), in KiB; 0 when unreadable.
pub fn status_kib(pid: &str, field: &str) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field) && l[field.len()..].starts_with(':'))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

/// A fresh, empty PostgreSQL database `name` (dropped first if left over) on the
/// server of `admin_url`; its URL.
pub async fn fresh_postgres_database(admin_url: &str, name: &str) -> String {
    use sea_orm::{ConnectionTrait, Database};
    let admin = Database::connect(admin_url).await.expect("postgres");
    admin
        .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        .await
        .expect("drop");
    admin
        .execute_unprepared(&format!("CREATE DATABASE {name}"))
        .await
        .expect("create");
    admin.close().await.ok();
    let base = admin_url.rsplit_once('/').map_or(admin_url, |(b, _)| b);
    format!("{base}/{name}")
}

/// Logs in to the admin at `base` with `password`; the session cookie (`name=value`).
pub async fn login_cookie(password: &str, base: &str) -> String {
    let response = ragtime_egress::client_builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
        .post(format!("{base}/login"))
        .form(&[("password", password)])
        .send()
        .await
        .expect("login");
    response.headers()["set-cookie"]
        .to_str()
        .expect("cookie")
        .split(';')
        .next()
        .unwrap_or_default()
        .to_string()
}
