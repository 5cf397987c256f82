//! The worker's messages, both ways: the page's reader of the worker's answers, and the
//! worker's `Session` answering any text as a message from the page (see
//! `index_fuzz::worker`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| index_fuzz::worker::exercise(data));
