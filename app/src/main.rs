//! Mounts the app. Everything else is in the library (`app::App`), importable by tests.

fn main() {
    app::crash::install();
    app::mount();
}
