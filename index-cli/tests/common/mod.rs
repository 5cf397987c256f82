//! What the CLI's test files share: running the `index` binary.

#![allow(clippy::unwrap_used)] // test code

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
