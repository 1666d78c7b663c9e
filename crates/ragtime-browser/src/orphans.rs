//! Chromium processes a dead ragtime left behind.
//!
//! chromiumoxide starts Chromium as a plain child process, so a daemon killed with
//! SIGKILL (or by the OOM killer) leaves its browser running, re-parented to init,
//! holding memory and its profile directory. Before it launches a browser, the pool
//! stops such orphans: processes whose parent is init and whose command line names a
//! `ragtime-chromium-` profile, which only [`BrowserPool`](crate::BrowserPool) creates.
//! A live daemon's browser always has that daemon as its parent, so it is never hit.

use std::path::PathBuf;

/// The profile prefix of every browser the pool launches.
pub const PROFILE_PREFIX: &str = "ragtime-chromium-";

/// An orphaned browser process: its pid and profile directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Orphan {
    pub pid: i32,
    pub profile: Option<PathBuf>,
}

/// Orphaned ragtime browsers, from `/proc` (none where there is no `/proc`).
pub fn find_orphans() -> Vec<Orphan> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|entry| entry.file_name().to_str()?.parse::<i32>().ok())
        .filter_map(|pid| {
            let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).ok()?;
            let args: Vec<String> = cmdline
                .split(|b| *b == 0)
                .map(|a| String::from_utf8_lossy(a).into_owned())
                .collect();
            if !args.iter().any(|a| a.contains(PROFILE_PREFIX)) || parent_of(pid)? != 1 {
                return None;
            }
            let profile = args
                .iter()
                .find_map(|a| a.strip_prefix("--user-data-dir="))
                .map(PathBuf::from)
                .filter(|p| {
                    p.file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| n.starts_with(PROFILE_PREFIX))
                });
            Some(Orphan { pid, profile })
        })
        .collect()
}

/// The parent pid of a live process, from `/proc/PID/stat` (whose second field may
/// hold spaces and parentheses, so it is read from the last `)`). `None` when the
/// process has exited, zombies included.
pub fn parent_of(pid: i32) -> Option<i32> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let (_, rest) = stat.rsplit_once(')')?;
    let mut fields = rest.split_whitespace();
    let state = fields.next()?;
    if state == "Z" {
        // A zombie is already dead; only its parent can remove it.
        return None;
    }
    fields.next()?.parse().ok()
}

/// Kills every orphaned ragtime browser and removes its profile; returns how many.
pub fn reap_orphans() -> usize {
    let orphans = find_orphans();
    for orphan in &orphans {
        // SAFETY: kill(2) with a pid read from /proc and a constant signal has no
        // memory-safety preconditions; a pid that has gone meanwhile gives ESRCH.
        let killed = unsafe { libc::kill(orphan.pid, libc::SIGKILL) } == 0;
        if killed {
            tracing::warn!(
                pid = orphan.pid,
                "stopped a chromium left behind by a dead ragtime"
            );
        }
        if let Some(profile) = &orphan.profile {
            let _ = std::fs::remove_dir_all(profile);
        }
    }
    orphans.len()
}
