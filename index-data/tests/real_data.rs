//! Builds every bundle from the real files in `shared/data`.

use std::time::Instant;

#[test]
fn smoke() {
    let dir = index_data::default_data_dir();
    let t = Instant::now();
    let all = index_data::build_all(&dir).unwrap();
    eprintln!("build_all: {:?}", t.elapsed());
    for b in &all {
        eprintln!("{}", b.report);
    }
}
