//! Mounts the app. Everything else is in the library (`app::App`), importable by tests.

fn main() {
    console_error_panic_hook::set_once();
    app::mount();
}
