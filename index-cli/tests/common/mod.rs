//! What the CLI's test files share: running the `index` binary.

#![allow(clippy::unwrap_used)] // test code

use std::path::PathBuf;
use std::process::Command;

/// Runs `index` with `args` in the crate's folder: (success, stdout, stderr).
pub fn index(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_index"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// Writes `json` to a file `name` in a folder of this test process, and gives its path.
#[allow(dead_code)] // not every test file writes scenarios
pub fn scenario_file(name: &str, json: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("index-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, json).unwrap();
    path
}
