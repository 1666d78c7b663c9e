//! The database-backed sinks and what they share: transactions per batch and the
//! split of database errors into transient (retry) and permanent (give up).

pub(crate) mod json_column;
pub mod notify;
mod step_table;

pub use json_column::JsonColumnSink;
pub use notify::NotifySink;
pub use step_table::StepTableSink;

use std::ops::Deref;

use ragtime_core::SinkError;
use sea_orm::sqlx;
use sea_orm::{DbErr, RuntimeErr};

/// Decides whether a failed write is worth retrying.
///
/// Lost connections, pool timeouts, SQLite's busy/locked and PostgreSQL's connection,
/// lock and shutdown classes are transient; constraint and data errors are permanent.
pub fn classify(err: DbErr) -> SinkError {
    let text = err.to_string();
    let transient = match &err {
        DbErr::ConnectionAcquire(_) | DbErr::Conn(_) => true,
        DbErr::Exec(RuntimeErr::SqlxError(e)) | DbErr::Query(RuntimeErr::SqlxError(e)) => {
            return classify_sqlx(e.deref(), text);
        }
        DbErr::Exec(RuntimeErr::Internal(_)) | DbErr::Query(RuntimeErr::Internal(_)) => true,
        _ => false,
    };
    if transient {
        SinkError::Transient(text)
    } else {
        SinkError::Permanent(text)
    }
}

/// [`classify`] for an error straight from sqlx.
pub(crate) fn classify_sqlx(err: &sqlx::Error, text: String) -> SinkError {
    let transient = match err {
        sqlx::Error::Database(db) => {
            let code = db.code().map(|c| c.into_owned()).unwrap_or_default();
            is_transient_code(&code)
        }
        sqlx::Error::Configuration(_)
        | sqlx::Error::ColumnNotFound(_)
        | sqlx::Error::ColumnDecode { .. }
        | sqlx::Error::Decode(_)
        | sqlx::Error::TypeNotFound { .. }
        | sqlx::Error::RowNotFound => false,
        _ => true,
    };
    if transient {
        SinkError::Transient(text)
    } else {
        SinkError::Permanent(text)
    }
}

fn is_transient_code(code: &str) -> bool {
    // PostgreSQL SQLSTATEs have five characters (SQLite's numeric codes stay below
    // five digits). Transient classes: connection, rollback (serialization, deadlock),
    // resources, lock not available, operator intervention, system error.
    if code.len() == 5 {
        return ["08", "40", "53", "55", "57", "58"]
            .iter()
            .any(|class| code.starts_with(class));
    }
    // SQLite primary codes 5 (BUSY) and 6 (LOCKED), with their extended forms.
    code.parse::<u32>().is_ok_and(|n| matches!(n & 0xff, 5 | 6))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_busy_and_pg_shutdown_are_transient() {
        assert!(is_transient_code("5"));
        assert!(is_transient_code("517"));
        assert!(is_transient_code("57P01"));
        assert!(is_transient_code("08006"));
        assert!(!is_transient_code("2067"));
        assert!(!is_transient_code("23505"));
        assert!(is_transient_code("40001"));
        assert!(!is_transient_code("42P01"));
        assert!(matches!(
            classify(DbErr::Json("bad".into())),
            SinkError::Permanent(_)
        ));
    }
}
