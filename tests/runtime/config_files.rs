//! Every config file shipped in `config/` parses, and bad ones fail with a message
//! that names the problem.

use std::path::Path;

use ragtime::Config;

#[test]
fn every_shipped_config_parses() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("config");
    let mut files = vec![root.join("default.toml")];
    for entry in std::fs::read_dir(root.join("examples")).expect("config/examples") {
        files.push(entry.expect("entry").path());
    }
    assert!(files.len() >= 3, "{files:?}");
    for file in files {
        Config::load(Some(&file)).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    }
}

#[test]
fn a_bad_file_names_the_key_and_the_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("bad.toml");
    std::fs::write(
        &path,
        "[progress]\nsinks = [\"json_column\"]\n\n[progress.json_column]\nbatch = 5\n",
    )
    .expect("write");
    let err = Config::load(Some(&path))
        .expect_err("unknown option")
        .to_string();
    assert!(err.contains("bad.toml") && err.contains("batch"), "{err}");
    let missing = Config::load(Some(&dir.path().join("missing.toml")))
        .expect_err("missing file")
        .to_string();
    assert!(missing.contains("missing.toml"), "{missing}");
}
