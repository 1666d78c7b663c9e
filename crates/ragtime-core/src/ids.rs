//! The ids of what ragtime records, one type each, so an episode's id is never passed
//! where an attempt's is meant.
//!
//! Each is the row's `i64` underneath: serialized as the bare number (events, JSON,
//! URLs), shown as the number, and parsed from it (`ragtime timeline 12`,
//! `/attempts/12`).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

macro_rules! row_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(
            Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl $name {
            /// The row's id as the database stores it.
            pub fn get(self) -> i64 {
                self.0
            }
        }

        impl From<i64> for $name {
            fn from(id: i64) -> Self {
                $name(id)
            }
        }

        impl From<$name> for i64 {
            fn from(id: $name) -> i64 {
                id.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl FromStr for $name {
            type Err = std::num::ParseIntError;
            fn from_str(text: &str) -> Result<Self, Self::Err> {
                text.parse().map($name)
            }
        }
    };
}

row_id!(
    /// A recovery attempt: its `recovery_attempts` row.
    AttemptId
);

row_id!(
    /// An episode: its `episodes` row.
    EpisodeId
);

/// An attempt's W3C trace id: 16 random bytes, chosen when its row is written and
/// carried by each of its events, so a trace collector (the `otel` sink), the log and
/// the attempt row all name the same trace. Shown and serialized as 32 lowercase hex
/// digits; all zeros means "none" (an event from before trace ids existed).
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TraceId(pub [u8; 16]);

impl TraceId {
    /// A new random trace id, never all zeros.
    pub fn random() -> TraceId {
        loop {
            let mut bytes = [0u8; 16];
            // The OS's generator does not fail on any system tokio runs on; were it to,
            // a trace id drawn from the clock still tells traces apart.
            if getrandom::fill(&mut bytes).is_err() {
                let nanos = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_nanos());
                bytes = nanos.to_be_bytes();
            }
            if bytes != [0; 16] {
                return TraceId(bytes);
            }
        }
    }

    /// Whether this is the all-zeros id, which names no trace.
    pub fn is_none(&self) -> bool {
        self.0 == [0; 16]
    }
}

impl fmt::Display for TraceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.iter().try_for_each(|b| write!(f, "{b:02x}"))
    }
}

impl fmt::Debug for TraceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "TraceId({self})")
    }
}

/// Text that is not 32 hex digits.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a trace id is 32 hex digits")]
pub struct BadTraceId;

impl FromStr for TraceId {
    type Err = BadTraceId;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        if text.len() != 32 || !text.is_ascii() {
            return Err(BadTraceId);
        }
        let mut bytes = [0u8; 16];
        for (byte, pair) in bytes.iter_mut().zip(text.as_bytes().chunks_exact(2)) {
            let pair = std::str::from_utf8(pair).map_err(|_| BadTraceId)?;
            *byte = u8::from_str_radix(pair, 16).map_err(|_| BadTraceId)?;
        }
        Ok(TraceId(bytes))
    }
}

impl Serialize for TraceId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for TraceId {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = std::borrow::Cow::<str>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_is_its_number_in_json_text_and_back() {
        let id = AttemptId(42);
        assert_eq!(serde_json::to_string(&id).ok().as_deref(), Some("42"));
        assert_eq!(serde_json::from_str::<AttemptId>("42").ok(), Some(id));
        assert_eq!(id.to_string(), "42");
        assert_eq!("42".parse::<AttemptId>().ok(), Some(id));
        assert!("x".parse::<EpisodeId>().is_err());
    }

    #[test]
    fn a_trace_id_is_32_hex_digits_in_json_text_and_back() {
        let id = TraceId::random();
        assert!(!id.is_none());
        assert_ne!(id, TraceId::random(), "two draws differ");
        let text = id.to_string();
        assert_eq!(text.len(), 32);
        assert!(
            text.bytes()
                .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
        );
        assert_eq!(text.parse::<TraceId>(), Ok(id));
        let json = serde_json::to_string(&id).unwrap_or_default();
        assert_eq!(json, format!("\"{text}\""));
        assert_eq!(serde_json::from_str::<TraceId>(&json).ok(), Some(id));
        let fixed = TraceId([0xab; 16]);
        assert_eq!(fixed.to_string(), "ab".repeat(16));
        for bad in ["", "ab", &"g".repeat(32), &"é".repeat(16), &"a".repeat(33)] {
            assert_eq!(bad.parse::<TraceId>(), Err(BadTraceId), "{bad:?}");
        }
        assert!(TraceId::default().is_none());
    }
}
