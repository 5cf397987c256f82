//! Every interface text translated so far, as a [`Msg`]: its Fluent id and its English text.
//! The English texts are the reference translators work from (`app/i18n/en.ftl` is written
//! from this list and checked against it by a test); an English text names its arguments as
//! Fluent does, `{ $name }`, and has no other Fluent syntax (plural forms are the
//! translations' own).

use super::Arg;

/// One interface text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Msg {
    /// Its Fluent message id.
    pub id: &'static str,
    /// Its English text.
    pub en: &'static str,
}

impl Msg {
    /// The English text with each `{ $name }` replaced by the argument of that name (a count
    /// as a whole number); an argument not given is left as written.
    pub fn english(&self, args: &[(&str, Arg)]) -> String {
        let mut out = String::with_capacity(self.en.len());
        let mut rest = self.en;
        while let Some(start) = rest.find("{ $") {
            out.push_str(&rest[..start]);
            let after = &rest[start + 3..];
            let Some(end) = after.find(" }") else {
                rest = &rest[start..];
                break;
            };
            let name = &after[..end];
            match args.iter().find(|(n, _)| *n == name) {
                Some((_, Arg::Text(s))) => out.push_str(s),
                Some((_, Arg::Count(n))) => out.push_str(&format!("{n:.0}")),
                None => out.push_str(&rest[start..start + 3 + end + 2]),
            }
            rest = &after[end + 2..];
        }
        out.push_str(rest);
        out
    }

    /// The names of the arguments its English text uses, in order.
    pub fn arguments(&self) -> Vec<&'static str> {
        let mut names = Vec::new();
        let mut rest = self.en;
        while let Some(start) = rest.find("{ $") {
            let after = &rest[start + 3..];
            let Some(end) = after.find(" }") else { break };
            names.push(&after[..end]);
            rest = &after[end + 2..];
        }
        names
    }
}

/// Declares each message as a constant, and [`ALL`] listing them.
macro_rules! messages {
    ($($(#[$doc:meta])* $name:ident = $id:literal: $en:literal;)*) => {
        $($(#[$doc])* pub const $name: Msg = Msg { id: $id, en: $en };)*
        /// Every message, in the order of the reference file.
        pub const ALL: &[Msg] = &[$($name),*];
    };
}

messages! {
    // The header.
    /// The site's name.
    APP_NAME = "app-name": "Index Explorer";
    /// Under the site's name.
    TAGLINE = "tagline": "Move a weight, see rankings and the LDC–developed gap change.";
    /// The dataset picker's label.
    DATASET = "dataset": "Dataset";
    /// The picker's group of one's imported datasets.
    YOUR_DATA_GROUP = "your-data-group": "Your data (this browser only)";
    /// The year picker's label.
    YEAR = "year": "Year";
    /// The year slider's label.
    YEARS = "years": "Years";
    /// The play button's name.
    PLAY_YEARS = "play-years": "Play the years";
    /// The language picker's label.
    LANGUAGE = "language": "Language";
    /// The summary bar's region.
    SUMMARY_REGION = "summary-region": "Dataset, year and method";
    /// The method line's addition when each year is normalised on its own.
    NORMALISED_WITHIN = "normalised-within": "normalised within each year";

    // The layout.
    /// When nothing can be shown.
    NOTHING_YET = "nothing-yet": "Nothing to show yet";
    /// While something loads.
    LOADING = "loading": "Loading { $what }…";
    /// The controls' region.
    WEIGHTS_AND_METHOD = "weights-and-method": "Weights and method";
    /// The gap's region.
    GROUP_GAP = "group-gap": "Group gap";
    /// A part of the page that could not be fetched.
    COULD_NOT_LOAD = "could-not-load": "Could not load { $what }: check the connection.";
    /// Try again.
    RETRY = "retry": "Retry";
    /// A deferred part, named while it loads.
    PART_SAVED = "part-saved": "the saved scenarios";
    /// The embed route's chart, named while it loads.
    PART_CHART = "part-chart": "the chart";
    /// A deferred part.
    PART_IMPORT = "part-import": "the import of your data";
    /// A deferred part.
    PART_MAP = "part-map": "the world map";
    /// A deferred part.
    PART_COMPARE = "part-compare": "the scenario comparison";
    /// A deferred part.
    PART_ROBUSTNESS = "part-robustness": "the robustness analyses";
    /// A deferred part.
    PART_PROFILE = "part-profile": "the country profile";
    /// A deferred part.
    PART_HEALTH = "part-health": "the health check";
    /// A deferred part.
    PART_CHARTS = "part-charts": "the charts";
    /// A link's parameter that could not be read.
    LINK_PART_IGNORED = "link-part-ignored": "Part of the link was ignored: { $problem }.";
    /// The explorer inside another page's frame.
    FRAMED = "framed": "Index Explorer runs in its own tab; only its charts can be embedded (each chart's Embed button).";
    /// The link out of the frame.
    OPEN_APP = "open-app": "Open Index Explorer";
    /// A new version of the app is waiting (the service worker).
    NEW_VERSION = "new-version": "A new version of Index Explorer is ready. Reload to use it.";
    /// Newer data is on the server.
    NEWER_DATA = "newer-data": "Newer data is on the server: { $names }. This page keeps the data it opened; reload to see the new.";
    /// The page works from this browser's copy.
    OFFLINE = "offline": "Offline: this page shows the data saved in this browser, and looks for newer data once the connection is back.";
    /// A notice's button.
    RELOAD = "reload": "Reload";
    /// A notice's close button.
    DISMISS = "dismiss": "Dismiss";
    /// The language could not be loaded.
    LANGUAGE_FAILED = "language-failed": "The { $language } texts could not be loaded ({ $problem }): the page stays in English.";

    // The weights.
    /// The weights panel's title, and the phone's drawer button.
    WEIGHTS = "weights": "Weights";
    /// The phone's drawer button while open.
    CLOSE_WEIGHTS = "close-weights": "Close weights";
    /// Back to the publisher's weights.
    PUBLISHED = "published": "Published";
    /// Its tooltip.
    PUBLISHED_TITLE = "published-title": "Back to the publisher's weights";
    /// Equal weights.
    EQUAL = "equal": "Equal";
    /// Its tooltip.
    EQUAL_TITLE = "equal-title": "Every node weighs the same as its siblings";
    /// Closes the phone's drawer.
    DONE = "done": "Done";
    /// An edition without building blocks.
    WEIGHTS_FIXED = "weights-fixed": "This edition publishes only the overall score, with no building blocks to weigh: the ranking is the publisher's, and weights cannot apply. Choose an edition with building blocks to re-weight it.";
    /// Under the weights' title.
    WEIGHTS_HINT = "weights-hint": "Shares are of the level above; drag to re-rank live.";
    /// The OECD's rating scale.
    RATINGS = "ratings": "Rate 0–5 in whole steps (as the OECD's Better Life Index: weight = rating / sum of ratings)";
    /// A node's expand button.
    SHOW_PARTS = "show-parts": "Show what { $name } is made of";

    // What a weight change did, said by the live region once a drag has settled.
    /// The followed unit moved.
    UNIT_MOVED = "unit-moved": "{ $unit } moved from { $from } to { $to }.";
    /// The followed unit kept its rank.
    UNIT_STAYS = "unit-stays": "{ $unit } stays at { $to }.";
    /// The largest of several moves.
    LARGEST_MOVE = "largest-move": "{ $unit } moved from { $from } to { $to }, the largest of { $count } moves.";
    /// Nothing moved.
    NO_RANK_CHANGED = "no-rank-changed": "No rank changed.";

    // The ranking.
    /// The ranking's title.
    RANKING = "ranking": "Ranking";
    /// How many units are ranked.
    RANKED = "ranked": "{ $count } ranked";
    /// The search field.
    SEARCH = "search": "Search country or code";
    /// The group filter.
    SHOW_GROUP = "show-group": "Show group";
    /// No group filter.
    ALL_UNITS = "all-units": "All units";
    /// The phone's details line before a country is tapped.
    TAP_COUNTRY = "tap-country": "Tap a country for its details.";
    /// A column.
    RANK = "rank": "Rank";
    /// A column.
    COUNTRY = "country": "Country";
    /// A column.
    SCORE = "score": "Score";
    /// A column.
    BEST_WORST = "best-worst": "Best–worst";

    // The method.
    /// The method panel's title.
    METHOD = "method": "Method";
    /// The dataset's own choice.
    DEFAULT = "default": "Default";
    /// The dataset's own choice, named.
    DEFAULT_OF = "default-of": "Default ({ $value })";
    /// A setting.
    NORMALISATION = "normalisation": "Normalisation";
    /// A setting.
    NORMALISE_OVER = "normalise-over": "Normalise over";
    /// A setting.
    AGGREGATION = "aggregation": "Aggregation";
    /// A setting.
    OUTLIERS = "outliers": "Outliers";
    /// A setting.
    MISSING_DATA = "missing-data": "Missing data";
    /// A setting.
    SCREENING = "screening": "Screening";
    /// A setting.
    CARRY_FORWARD = "carry-forward": "Carry values forward";
    /// A setting.
    DENOMINATE = "denominate": "Divide by denominators (per capita, per GDP…)";

    // The gap.
    /// The gap panel's title.
    THE_GAP = "the-gap": "The gap";
    /// A group picker.
    GROUP_A = "group-a": "Group A";
    /// A group picker.
    GROUP_B = "group-b": "Group B";
    /// A column.
    GAP = "gap": "Gap";
    /// Adding a group.
    COMPARE_ANOTHER = "compare-another": "Compare another group";
    /// The add picker's first line.
    ADD_GROUP = "add-group": "Add a group…";
    /// Removing a group.
    STOP_COMPARING = "stop-comparing": "Stop comparing this group";
    /// Under the gap table: the coverage of the two groups and the ratio of their means.
    GAP_HINT = "gap-hint": "Means of units scored: { $a_scored } of { $a_all } in A ({ $a_share }), { $b_scored } of { $b_all } in B ({ $b_share }). Ratio A/B on the index: { $ratio }. Hover a figure for its median.";

    // Every year, and the background jobs.
    /// The panel's title.
    EVERY_YEAR = "every-year": "Every year";
    /// What it gives.
    EVERY_YEAR_HINT = "every-year-hint": "Every country's score and rank in every year, under these weights and method.";
    /// Its button.
    EVERY_YEAR_CSV = "every-year-csv": "Download every year (CSV)";
    /// Its progress bar.
    YEARS_COMPUTED = "years-computed": "Years computed";
    /// Its progress.
    YEAR_OF = "year-of": "Year { $done } of { $total }";
    /// It failed.
    EVERY_YEAR_FAILED = "every-year-failed": "Every year could not be downloaded: { $why }.";
    /// A job before its first progress.
    STARTING = "starting": "Starting…";
    /// Stops a job.
    CANCEL = "cancel": "Cancel";
}
