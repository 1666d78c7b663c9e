//! ragtime-egress: every connection ragtime opens toward the web, and the one rule
//! they all pass.
//!
//! [`EgressPolicy`] decides, from the [address table](table) and `[browser]
//! allow_hosts`, where a request may go. [`EgressGate`] enforces it as an HTTP proxy on
//! loopback: Chromium sends everything through a [`GateListener`] (one per attempt, so
//! refusals are the attempt's), and [`EgressClient`] sends ragtime's own fetches and
//! [`download`]s through one too, bounded by [`FetchLimits`].

mod client;
pub mod download;
mod policy;
mod proxy;
pub mod table;

pub use client::{
    BodyReader, CookieSource, EgressClient, FetchError, FetchLimits, Fetched, client_builder,
};
pub use download::{DownloadError, DownloadRequest, Downloaded, download, save_mp3};
pub use policy::{EGRESS_REFUSALS, EgressPolicy, InvalidAllowEntry, Refused};
pub use proxy::{EgressGate, GateListener, REFUSED_HEADER, RefusalLog};
