//! The demo's scripted scenarios, run through the real runtime into each database:
//! every one ends as expected, both sinks agree, and the timeline matches its snapshot.

use std::time::Duration;

use ragtime::app::AttemptRequest;
use ragtime::{App, scenarios};

use crate::common::{Backend, TestDb};
use crate::{assert_progress_matches_steps, assert_timeline_snapshot};

async fn demo_scenarios_match_their_snapshots(backend: Backend) {
    let db = TestDb::new(backend).await;
    let app = App::open(db.config(scenarios::demo_settings()))
        .await
        .expect("open app");
    let all = scenarios::all();
    let mut handles = Vec::new();
    for scenario in &all {
        let request = AttemptRequest {
            episode_url: scenario.episode_url.clone(),
            strategy: "agent".into(),
            ..Default::default()
        };
        handles.push(
            app.start_attempt(request, scenario.planner.clone(), scenario.tools.clone())
                .await
                .expect("start"),
        );
    }
    for (scenario, handle) in all.iter().zip(handles) {
        let report = handle.wait().await;
        assert_eq!(
            report.status, scenario.expected,
            "{}: {report:?}",
            scenario.name
        );
        assert!(report.status_written, "{}", scenario.name);
        app.runtime
            .flush(Duration::from_secs(10))
            .await
            .expect("flush");
        let steps = assert_progress_matches_steps(&app.store, report.attempt_id).await;
        assert_eq!(steps, report.steps as usize, "{}", scenario.name);
        let timeline = app
            .store
            .timeline(report.attempt_id)
            .await
            .expect("timeline");
        assert_timeline_snapshot(scenario.name, &timeline.to_string());
    }
    for stats in app.runtime.sink_stats() {
        assert_eq!(
            (stats.dropped, stats.failed, stats.pending),
            (0, 0, 0),
            "{stats:?}"
        );
    }
    app.close(Duration::from_secs(5)).await.expect("close");
    db.cleanup().await;
}

crate::on_both_backends!(demo_scenarios_match_their_snapshots);
