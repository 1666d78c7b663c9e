//! Episode search on both databases: case is folded beyond ASCII (SQLite's `lower()`
//! alone would not), and the text is matched literally.

use ragtime_store::{EpisodeFilter, EpisodeStatus, EpisodeUpdate};

use crate::common::{Backend, TestDb};

async fn search_folds_case_beyond_ascii(backend: Backend) {
    let db = TestDb::new(backend).await;
    let store = &db.store;
    let titles = [
        ("http://127.0.0.1/ep/ueber", "Über Musik"),
        ("http://127.0.0.1/ep/cafe", "Ärger im CAFÉ"),
        ("http://127.0.0.1/ep/Plain_Case", "100% plain"),
    ];
    for (url, title) in titles {
        let id = store.submit(url).await.expect("submit").episode_id;
        let update = EpisodeUpdate {
            title: Some(title.to_string()),
            ..Default::default()
        };
        store
            .set_episode_status(id, EpisodeStatus::Queued, update)
            .await
            .expect("title");
    }
    let found = |text: &str| {
        let filter = EpisodeFilter {
            text: Some(text.to_string()),
            ..Default::default()
        };
        async move {
            let mut urls: Vec<String> = store
                .find_episodes(&filter)
                .await
                .expect("search")
                .into_iter()
                .map(|e| e.url)
                .collect();
            urls.sort();
            urls
        }
    };
    for text in ["über", "ÜBER", "Über"] {
        assert_eq!(found(text).await, ["http://127.0.0.1/ep/ueber"], "{text}");
    }
    assert_eq!(found("café").await, ["http://127.0.0.1/ep/cafe"]);
    assert_eq!(found("ärger").await, ["http://127.0.0.1/ep/cafe"]);
    // URLs match without regard to case; LIKE's wildcards are literal.
    assert_eq!(
        found("plain_case").await,
        ["http://127.0.0.1/ep/Plain_Case"]
    );
    assert_eq!(found("100%").await, ["http://127.0.0.1/ep/Plain_Case"]);
    assert!(found("plai_").await.is_empty(), "`_` is not a wildcard");
    assert_eq!(found("/ep/").await.len(), 3);
    db.cleanup().await;
}

crate::on_both_backends!(search_folds_case_beyond_ascii);
