//! The robustness analyses' state: what the person chose to vary, the run in progress (job and
//! progress), and the last analysis finished; likewise for the best and worst possible ranks
//! (the weights allowed, the run, the last result); and for the explanations of a change (why the
//! followed unit moved from the published scenario; each unit's largest cause between two
//! compared scenarios: the run, the last result), for the index's health check, and for what
//! it would take the followed unit to reach a rank or pass a rival. The analyses run in the worker; these are
//! plain signals, written by the panels when they ask and when the worker answers.

use std::sync::Arc;

use leptos::prelude::*;

use index_worker::protocol::WeightRange;

use crate::view_model::explain::ExplainRun;
use crate::view_model::health::HealthRun;
use crate::view_model::ranges::RangesRun;
use crate::view_model::robustness::{Analysis, Choices};
use crate::view_model::targets::TargetRun;
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
    /// The weights the rank bounds range over.
    pub range: RwSignal<WeightRange>,
    /// The rank bounds in progress.
    pub ranges_running: RwSignal<Running>,
    /// The last rank bounds finished.
    pub ranges: RwSignal<Option<Arc<RangesRun>>>,
    /// The explanation (published scenario → the view shown) in progress.
    pub explain_running: RwSignal<Running>,
    /// The last explanation from the published scenario finished.
    pub explained: RwSignal<Option<Arc<ExplainRun>>>,
    /// The explanation between two compared scenarios in progress.
    pub causes_running: RwSignal<Running>,
    /// The last explanation between two compared scenarios finished.
    pub causes: RwSignal<Option<Arc<ExplainRun>>>,
    /// The health check in progress.
    pub health_running: RwSignal<Running>,
    /// The last health check finished.
    pub health: RwSignal<Option<Arc<HealthRun>>>,
    /// The target ("what would it take?") in progress.
    pub target_running: RwSignal<Running>,
    /// The last target finished.
    pub target: RwSignal<Option<Arc<TargetRun>>>,
}

impl RobustnessUi {
    /// Nothing chosen yet (the defaults), nothing run.
    pub fn new() -> Self {
        RobustnessUi {
            choices: RwSignal::new(Choices::default()),
            running: RwSignal::new(None),
            last: RwSignal::new(None),
            range: RwSignal::new(WeightRange::Any),
            ranges_running: RwSignal::new(None),
            ranges: RwSignal::new(None),
            explain_running: RwSignal::new(None),
            explained: RwSignal::new(None),
            causes_running: RwSignal::new(None),
            causes: RwSignal::new(None),
            health_running: RwSignal::new(None),
            health: RwSignal::new(None),
            target_running: RwSignal::new(None),
            target: RwSignal::new(None),
        }
    }
}

impl Default for RobustnessUi {
    fn default() -> Self {
        Self::new()
    }
}
