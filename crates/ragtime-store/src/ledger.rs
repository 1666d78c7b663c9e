//! The store as the runtime's [`AttemptLedger`]: heartbeat, terminal status, screenshots.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use ragtime_core::{AttemptEnd, AttemptId, AttemptLedger, AttemptStatus, LedgerError};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, DbErr, EntityTrait, QueryFilter};

use crate::Store;
use crate::entity::{recovery_attempt, recovery_screenshot};

fn ledger_error(err: DbErr) -> LedgerError {
    match crate::sinks::classify(err) {
        ragtime_core::SinkError::Transient(reason) => LedgerError::Unavailable(reason),
        ragtime_core::SinkError::Permanent(reason) => LedgerError::Rejected(reason),
    }
}

#[async_trait]
impl AttemptLedger for Store {
    async fn heartbeat(&self, attempt: AttemptId, at: DateTime<Utc>) -> Result<(), LedgerError> {
        let _writing = self.writes.enter().await;
        recovery_attempt::Entity::update_many()
            .col_expr(recovery_attempt::Column::HeartbeatAt, Expr::value(at))
            .filter(recovery_attempt::Column::Id.eq(i64::from(attempt)))
            .filter(recovery_attempt::Column::Status.eq(AttemptStatus::Attempted.as_str()))
            .exec(&self.db)
            .await
            .map_err(ledger_error)?;
        Ok(())
    }

    async fn finish(&self, attempt: AttemptId, end: &AttemptEnd) -> Result<(), LedgerError> {
        let _writing = self.writes.enter().await;
        let result = recovery_attempt::Entity::update_many()
            .col_expr(
                recovery_attempt::Column::Status,
                Expr::value(end.status.as_str()),
            )
            .col_expr(recovery_attempt::Column::Success, Expr::value(end.success))
            .col_expr(
                recovery_attempt::Column::Message,
                Expr::value(end.message.clone()),
            )
            .col_expr(
                recovery_attempt::Column::FinishedAt,
                Expr::value(end.finished_at),
            )
            .col_expr(
                recovery_attempt::Column::HeartbeatAt,
                Expr::value(end.finished_at),
            )
            .filter(recovery_attempt::Column::Id.eq(i64::from(attempt)))
            .exec(&self.db)
            .await
            .map_err(ledger_error)?;
        if result.rows_affected == 0 {
            return Err(LedgerError::Rejected(format!(
                "no recovery attempt with id {attempt}"
            )));
        }
        Ok(())
    }

    async fn save_screenshot(
        &self,
        attempt: AttemptId,
        step: u32,
        png: &[u8],
    ) -> Result<i64, LedgerError> {
        let _writing = self.writes.enter().await;
        let row = recovery_screenshot::ActiveModel {
            attempt_id: Set(attempt.get()),
            step_number: Set(i32::try_from(step).unwrap_or(i32::MAX)),
            mime_type: Set("image/png".to_string()),
            data: Set(png.to_vec()),
            size_bytes: Set(i64::try_from(png.len()).unwrap_or(i64::MAX)),
            created_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(&self.db)
        .await
        .map_err(ledger_error)?;
        Ok(row.id)
    }
}
