//! `Shared<T>`: an `Arc` compared by identity, so that memos holding large engine results
//! compare in O(1) (a recomputed result is always "changed").

use std::ops::Deref;
use std::sync::Arc;

/// A shared, immutable value compared by pointer identity.
#[derive(Debug)]
pub struct Shared<T>(pub Arc<T>);

impl<T> Shared<T> {
    /// Wraps a value.
    pub fn new(value: T) -> Self {
        Shared(Arc::new(value))
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Arc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// A signal kept as its two halves: its owner writes through `write` and hands out `read`, so
/// readers cannot write, and every read (the owner's too) goes through one `ReadSignal` type —
/// one copy of the read path in the wasm, and no new handle made per read.
#[derive(Debug)]
pub struct Halves<T: 'static> {
    /// The read half, handed out.
    pub read: leptos::prelude::ReadSignal<T>,
    /// The write half, kept by the owner.
    pub write: leptos::prelude::WriteSignal<T>,
}

impl<T: Send + Sync + 'static> Halves<T> {
    /// A signal holding `value`.
    pub fn new(value: T) -> Self {
        let (read, write) = leptos::prelude::signal(value);
        Halves { read, write }
    }
}

impl<T> Clone for Halves<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Halves<T> {}
