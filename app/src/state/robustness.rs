//! The uncertainty analysis' state: what the person chose to vary, the run in progress (job and
//! progress), and the last analysis finished. The analysis runs in the worker; these are plain
//! signals, written by the robustness panel when it asks and when the worker answers.

use std::sync::Arc;

use leptos::prelude::*;

use crate::view_model::robustness::{Analysis, Choices};
use crate::worker_client::JobId;

/// The run in progress: its job, and draws (or runs) done of all (0 of 0 until it starts).
pub type Running = Option<(JobId, u32, u32)>;

/// The analysis' signals. `Copy`: handles.
#[derive(Debug, Clone, Copy)]
pub struct RobustnessUi {
    /// What varies.
    pub choices: RwSignal<Choices>,
    /// The run in progress.
    pub running: RwSignal<Running>,
    /// The last analysis finished (for whichever bundle and scenario it names).
    pub last: RwSignal<Option<Arc<Analysis>>>,
}

impl RobustnessUi {
    /// Nothing chosen yet (the defaults), nothing run.
    pub fn new() -> Self {
        RobustnessUi {
            choices: RwSignal::new(Choices::default()),
            running: RwSignal::new(None),
            last: RwSignal::new(None),
        }
    }
}

impl Default for RobustnessUi {
    fn default() -> Self {
        Self::new()
    }
}
