//! The app's wasm keeps its relocations (`--emit-relocs`): the build's split step
//! (`scripts/split-wasm.sh`) needs them to move the deferred parts of the page
//! (`components::deferred`) into modules of their own.
fn main() {
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-bins=--emit-relocs");
    }
}
