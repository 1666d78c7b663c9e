//! Chromium processes a dead ragtime left behind.
//!
//! chromiumoxide starts Chromium as a plain child process, so a daemon killed with
//! SIGKILL (or by the OOM killer) leaves its browser running, holding memory and its
//! profile directory. Every profile the pool creates is named after its owner:
//! `ragtime-chromium-PID.START-…`, with the owner's pid and start time (which
//! together name one process, even after the pid is reused), and lives in the
//! pool's profile root (`[browser] profile_dir`). Before it launches a browser, the
//! pool stops the browsers under its own root whose owner is gone and removes their
//! profiles. A browser whose owner lives, one without such a name, and one under
//! another root (another daemon's) is left alone.

use std::path::{Path, PathBuf};

/// The profile prefix of every browser the pool launches.
pub const PROFILE_PREFIX: &str = "ragtime-chromium-";

/// An orphaned browser process: its pid and profile directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Orphan {
    /// The browser's process id.
    pub pid: i32,
    /// Its profile directory, removed with it.
    pub profile: PathBuf,
}

/// The profile-name prefix for browsers this process launches.
pub fn own_profile_prefix() -> String {
    let pid = std::process::id() as i32;
    let start = start_time(pid).unwrap_or(0);
    format!("{PROFILE_PREFIX}{pid}.{start}-")
}

/// The fields of `/proc/PID/stat` after the command name (which may hold spaces and
/// parentheses, so the split is at the last `)`): state first. `None` for a process
/// that has exited, zombies included.
fn stat_fields(pid: i32) -> Option<Vec<String>> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let (_, rest) = stat.rsplit_once(')')?;
    let fields: Vec<String> = rest.split_whitespace().map(str::to_string).collect();
    (fields.first()? != "Z").then_some(fields)
}

/// The parent pid of a live process.
pub fn parent_of(pid: i32) -> Option<i32> {
    stat_fields(pid)?.get(1)?.parse().ok()
}

/// When a live process started, in clock ticks since boot (stat field 22).
fn start_time(pid: i32) -> Option<u64> {
    stat_fields(pid)?.get(19)?.parse().ok()
}

/// The owner (pid, start time) a profile directory's name records.
fn owner_of(profile: &std::path::Path) -> Option<(i32, u64)> {
    let name = profile
        .file_name()?
        .to_str()?
        .strip_prefix(PROFILE_PREFIX)?;
    let (owner, _) = name.split_once('-')?;
    let (pid, start) = owner.split_once('.')?;
    Some((pid.parse().ok()?, start.parse().ok()?))
}

/// Browsers whose profile is directly under `root` and whose owner has exited, from
/// `/proc` (none where there is no `/proc`).
pub fn find_orphans(root: &Path) -> Vec<Orphan> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|entry| entry.file_name().to_str()?.parse::<i32>().ok())
        .filter_map(|pid| {
            let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).ok()?;
            let profile = cmdline
                .split(|b| *b == 0)
                .filter_map(|arg| std::str::from_utf8(arg).ok())
                .find_map(|arg| arg.strip_prefix("--user-data-dir="))
                .map(PathBuf::from)?;
            if profile.parent() != Some(root) {
                return None;
            }
            let (owner, started) = owner_of(&profile)?;
            let owner_lives = start_time(owner) == Some(started);
            (!owner_lives && stat_fields(pid).is_some()).then_some(Orphan { pid, profile })
        })
        .collect()
}

/// Kills every orphaned ragtime browser under `root` and removes its profile; returns
/// how many. Reads `/proc`, so call it off the async threads.
pub fn reap_orphans(root: &Path) -> usize {
    let orphans = find_orphans(root);
    for orphan in &orphans {
        // SAFETY: kill(2) with a pid read from /proc and a constant signal has no
        // memory-safety preconditions; a pid that has gone meanwhile gives ESRCH.
        #[allow(
            unsafe_code,
            reason = "kill(2) has no safe wrapper in libc; see SAFETY above"
        )]
        let killed = unsafe { libc::kill(orphan.pid, libc::SIGKILL) } == 0;
        if killed {
            tracing::warn!(
                pid = orphan.pid,
                "stopped a chromium left behind by a dead ragtime"
            );
        }
        let _ = std::fs::remove_dir_all(&orphan.profile);
    }
    orphans.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_profile_name_records_its_owner_and_this_process_is_alive() {
        let prefix = own_profile_prefix();
        let profile = std::env::temp_dir().join(format!("{prefix}AbC123"));
        let (pid, start) = owner_of(&profile).expect("owner in the name");
        assert_eq!(pid, std::process::id() as i32);
        assert_eq!(start_time(pid), Some(start), "the owner is alive");
        assert_eq!(
            owner_of(std::path::Path::new("/tmp/ragtime-chromium-xyz")),
            None
        );
        assert_eq!(owner_of(std::path::Path::new("/tmp/other-1.2-x")), None);
    }
}
