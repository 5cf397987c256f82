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
    /// The method line (`view_model::method_line`): indicators divided by their denominators.
    DESCRIBE_DENOMINATED = "describe-denominated": "denominated";
    /// The method line: values carried forward.
    DESCRIBE_CARRY = "describe-carry": "values up to { $years } years old";
    /// The method line: imputation by the indicator's mean.
    DESCRIBE_INDICATOR_MEAN = "describe-indicator-mean": "missing values: indicator mean";
    /// The method line: imputation by the group's mean (`family`: the group family's id).
    DESCRIBE_GROUP_MEAN = "describe-group-mean": "missing values: mean of { $family }";
    /// The method line: screening (`share`: a percentage, "60 %").
    DESCRIBE_SCREEN = "describe-screen": "units with < { $share } data dropped";
    /// The method line: outliers.
    DESCRIBE_WINSORISED = "describe-winsorised": "outliers winsorised (≤ { $count })";
    /// The method line: each indicator normalised its own way.
    DESCRIBE_PER_INDICATOR = "describe-per-indicator": "per-indicator normalisation";
    /// The method line: min-max normalisation.
    DESCRIBE_MIN_MAX = "describe-min-max": "min-max { $low }–{ $high }";
    /// The method line: z-scores.
    DESCRIBE_Z = "describe-z": "z-scores (mean { $mean }, sd { $sd })";
    /// The method line: goalposts.
    DESCRIBE_GOALPOSTS = "describe-goalposts": "goalposts { $low }–{ $high }";
    /// The method line: goalposts on a log scale.
    DESCRIBE_GOALPOSTS_LOG = "describe-goalposts-log": "goalposts { $low }–{ $high } (log)";
    /// The method line: percentile ranks.
    DESCRIBE_PERCENTILE = "describe-percentile": "percentile ranks { $low }–{ $high }";
    /// The method line: ranks.
    DESCRIBE_RANKS = "describe-ranks": "ranks";
    /// The method line: distance to the best.
    DESCRIBE_TO_BEST = "describe-to-best": "distance to best { $low }–{ $high }";
    /// The method line: normalised over all years at once.
    DESCRIBE_ALL_YEARS = "describe-all-years": "normalised over all years";
    /// The method line: the arithmetic mean.
    DESCRIBE_ARITHMETIC = "describe-arithmetic": "arithmetic mean";
    /// The method line: the geometric mean.
    DESCRIBE_GEOMETRIC = "describe-geometric": "geometric mean";
    /// The method line: the harmonic mean.
    DESCRIBE_HARMONIC = "describe-harmonic": "harmonic mean";
    /// The method line: a level's own aggregation (`mean`: one of the three above).
    DESCRIBE_AT_LEVEL = "describe-at-level": "{ $mean } at level { $level }";
    /// The method line: the aggregation of the other levels.
    DESCRIBE_ELSEWHERE = "describe-elsewhere": "{ $mean } elsewhere";

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
    /// A deferred part.
    PART_METHOD = "part-method": "the method's settings";
    /// A deferred part.
    PART_EVERY_YEAR = "part-every-year": "every year's scores";
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
    /// A dataset asked for (a saved scenario's) that the list of datasets lacks.
    NOT_IN_CATALOGUE = "not-in-catalogue": "Dataset `{ $dataset }` is not in the catalogue.";
    /// A dataset asked for could not be loaded (`why`: the file and what went wrong).
    DATASET_NOT_LOADED = "dataset-not-loaded": "{ $dataset } could not be loaded ({ $why }); still showing the previous dataset.";
    /// The link's dataset is not in the list of datasets (`dataset`: the link's word).
    LINK_NO_DATASET = "link-no-dataset": "The link asks for dataset `{ $dataset }`, which does not exist; showing the default.";
    /// The list of datasets could not be had (`problem`: what went wrong, worded).
    CATALOGUE_NOT_LOADED = "catalogue-not-loaded": "The list of datasets could not be loaded ({ $problem }). Were the data bundles built? Run `bash scripts/serve.sh`.";
    /// The first dataset could not be loaded, so nothing is shown.
    FIRST_NOT_LOADED = "first-not-loaded": "{ $dataset } could not be loaded: { $problem }";
    /// A file of the site could not be fetched (`problem`: the browser's words).
    FETCH_FAILED = "fetch-failed": "could not fetch { $file }: { $problem }";
    /// The server answered a file's request with an error (`problem`: the status, "404 Not Found").
    FETCH_STATUS = "fetch-status": "could not fetch { $file }: the server answered { $problem }";
    /// A fetched file's text could not be read (`problem`: the browser's words).
    READ_FAILED = "read-failed": "could not read { $file }: { $problem }";
    /// The list of datasets' file is not one (`problem`: the reader's words).
    NOT_A_CATALOGUE = "not-a-catalogue": "{ $file } is not a valid catalogue: { $problem }";
    /// An embed's dataset that is someone's import (the reason it cannot be shown).
    EMBED_IMPORTED = "embed-imported": "it was imported in someone's browser and lives only there";
    /// An embed's dataset whose name cannot be a file's (the reason it cannot be shown).
    EMBED_NOT_A_NAME = "embed-not-a-name": "`{ $dataset }` is not a dataset name";
    /// An embed's dataset could not be shown (`problem`: why).
    EMBED_DATASET_NOT_SHOWN = "embed-dataset-not-shown": "The link's dataset could not be shown ({ $problem }); showing the default.";
    /// An embed pinned to an edition of the data that has since changed.
    EMBED_DATA_UPDATED = "embed-data-updated": "The data has been updated since this chart was pinned.";
    /// An embed's chart could not be loaded at all (`problem`: why).
    EMBED_NOT_LOADED = "embed-not-loaded": "The chart could not be loaded: { $problem }";
    /// An embed's chart that does not exist (`charts`: the charts' names in links).
    EMBED_NO_CHART = "embed-no-chart": "The link asks for chart `{ $chart }`, which does not exist; showing the ranked bars. Charts: { $charts }.";
    /// A part of the link's scenario the dataset refused (`problem`: the engine's words).
    LINK_PART_DEFAULT = "link-part-default": "The link: { $problem }; showing the default for that part.";
    /// A part of a saved scenario the dataset refused (`problem`: the engine's words).
    SCENARIO_PART_REFUSED = "scenario-part-refused": "Scenario “{ $name }”: { $problem }; showing the default for that part.";
    /// A weight the engine refused (`problem`: the engine's words).
    WEIGHT_NOT_CHANGED = "weight-not-changed": "Weight not changed: { $problem }.";
    /// Weights the engine refused (`problem`: the engine's words).
    WEIGHTS_NOT_CHANGED = "weights-not-changed": "Weights not changed: { $problem }.";
    /// A method the engine refused for this dataset (`problem`: the engine's words).
    METHOD_NOT_CHANGED = "method-not-changed": "Method not changed: { $problem }.";
    /// A weight field left empty or with what a number field cannot read.
    WEIGHT_NOTHING_TYPED = "weight-nothing-typed": "Weight not changed: what was typed is not a number.";
    /// A weight field with text that is not a number (`text`: what was typed).
    WEIGHT_NOT_A_NUMBER = "weight-not-a-number": "Weight not changed: “{ $text }” is not a number.";
    /// A year the engine could not prepare under the method (`why`: the engine's words).
    YEAR_LEFT_OUT = "year-left-out": "{ $year } is left out: the engine could not prepare it under this method ({ $why }).";
    /// The background worker could not be started (`problem`: the browser's words).
    WORKER_NOT_STARTED = "worker-not-started": "the background worker could not be started: { $problem }";
    /// The background worker failed (`problem`: the browser's words).
    WORKER_FAILED = "worker-failed": "the background worker failed: { $problem }";
    /// A job could not be sent to the background worker (`problem`: the browser's words).
    WORKER_NOT_SENT = "worker-not-sent": "the background worker could not be sent the job: { $problem }";
    /// The background worker failed and the browser said nothing more.
    WORKER_STOPPED = "worker-stopped": "it could not be loaded, or it stopped";
    /// The dataset shown is not one the worker can fetch (an every-year download's failure).
    NOT_IN_LIST = "not-in-list": "dataset `{ $dataset }` is not in the list of datasets";
    /// A year asked for that the dataset has no data for.
    NO_DATA_FOR_YEAR = "no-data-for-year": "{ $dataset } has no data for { $year }.";
    /// One group too many asked to be compared.
    GROUPS_LIMIT = "groups-limit": "At most { $count } groups can be compared at once.";
    /// A group asked for that the dataset does not have (`group`: its id).
    NO_GROUP = "no-group": "This dataset has no group `{ $group }`.";
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
    /// A normalisation offered: none.
    NORM_NONE = "norm-none": "None (published scores)";
    /// A dataset's own normalisation when it is none (in the first option: "Default (no
    /// normalisation)").
    NO_NORMALISATION = "no-normalisation": "no normalisation";
    /// A normalisation offered.
    NORM_MIN_MAX = "norm-min-max": "Min-max 0–100";
    /// A normalisation offered.
    NORM_Z = "norm-z": "z-scores (mean 100, sd 10)";
    /// A normalisation offered.
    NORM_PERCENTILE = "norm-percentile": "Percentile ranks 0–100";
    /// A normalisation offered.
    NORM_RANK = "norm-rank": "Ranks";
    /// A normalisation offered.
    NORM_TO_BEST = "norm-to-best": "Distance to best 0–100";
    /// What each indicator is normalised over: each year on its own.
    OVER_EACH_YEAR = "over-each-year": "Within each year";
    /// What each indicator is normalised over: every year pooled.
    OVER_ALL_YEARS = "over-all-years": "Across all years (comparable over time)";
    /// An aggregation offered.
    AGG_ARITHMETIC = "agg-arithmetic": "Arithmetic mean";
    /// An aggregation offered.
    AGG_GEOMETRIC = "agg-geometric": "Geometric mean";
    /// An aggregation offered.
    AGG_HARMONIC = "agg-harmonic": "Harmonic mean";
    /// An outlier treatment offered: none.
    TREAT_NONE = "treat-none": "None";
    /// An outlier treatment offered: the JRC's rule.
    TREAT_WINSORISE = "treat-winsorise": "Winsorise (JRC rule, ≤ 5), else log";
    /// A dataset's own outlier treatment when it is not the one offered: winsorising at most
    /// `max` values.
    TREAT_WINSORISE_AT = "treat-winsorise-at": "winsorise, ≤ { $max }";
    /// A treatment of missing data offered: none.
    IMPUTE_NONE = "impute-none": "Leave out, re-weight";
    /// A treatment of missing data offered.
    IMPUTE_MEAN = "impute-mean": "Indicator mean";
    /// A treatment of missing data offered: the mean of a group family (its name, as the
    /// dataset spells it).
    IMPUTE_GROUP = "impute-group": "Mean of the unit's { $family } group";
    /// A screening offered: none.
    SCREEN_NONE = "screen-none": "Keep every unit";
    /// A screening offered: a threshold in percent.
    SCREEN_BELOW = "screen-below": "Drop units with < { $percent } % data";
    /// A screening offered.
    SCREEN_TWO_THIRDS = "screen-two-thirds": "Drop units with < 2/3 data";
    /// A carrying forward offered: none.
    CARRY_NONE = "carry-none": "This year only";
    /// A carrying forward offered: values up to `count` years old.
    CARRY_YEARS = "carry-years": "Up to { $count } years";

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
    /// The gap column's title.
    GAP_TITLE = "gap-title": "B − A: how far group A is behind";
    /// A column: the change in the gap.
    GAP_CHANGE = "gap-change": "Δ gap";
    /// Its title.
    GAP_CHANGE_TITLE = "gap-change-title": "Change in the gap against the published weights";
    /// A group's figure's title: its median, and how many of its members are scored.
    MEDIAN_SCORED = "median-scored": "median { $median } · { $scored } of { $all } scored ({ $share })";
    /// The table of every group compared: its caption (`group`: the last group's name).
    GROUPS_CAPTION = "groups-caption": "Every group's mean, in brackets its share of { $group }'s, and its members scored of all";
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

    // The saved scenarios.
    /// The scenarios panel's title.
    SCENARIOS = "scenarios": "Scenarios";
    /// The name a scenario saved without one gets.
    SCENARIO_N = "scenario-n": "Scenario { $count }";
    /// The scenario name field's placeholder.
    NAME_THIS_VIEW = "name-this-view": "Name this view";
    /// The scenario name field's accessible name.
    SCENARIO_NAME = "scenario-name": "Scenario name";
    /// Saves the view as a scenario.
    SAVE = "save": "Save";
    /// Under the scenarios' title.
    SCENARIOS_HINT = "scenarios-hint": "Saved in this browser. Tick two to four of the same dataset to compare them.";
    /// Shows the saved scenarios not listed.
    SHOW_EARLIER = "show-earlier": "Show { $count } earlier scenarios";
    /// Downloads every saved scenario as one file.
    EXPORT_ALL = "export-all": "Export all";
    /// Reads scenarios from a file.
    IMPORT_FILE = "import-file": "Import…";
    /// A saved scenario's tick box, for the comparison.
    COMPARE_SCENARIO = "compare-scenario": "Compare { $name }";
    /// The tick box's tooltip when the scenario is of another dataset.
    SWITCH_TO_COMPARE = "switch-to-compare": "Switch to this scenario's dataset to compare it";
    /// The rename field's accessible name.
    NEW_NAME = "new-name": "New name";
    /// Confirms a new name.
    OK = "ok": "OK";
    /// A saved scenario's menu.
    MORE_ACTIONS = "more-actions": "More actions";
    /// In a saved scenario's menu.
    RENAME = "rename": "Rename";
    /// In a saved scenario's menu.
    DUPLICATE = "duplicate": "Duplicate";
    /// In a saved scenario's menu.
    EXPORT = "export": "Export";
    /// In a saved scenario's menu.
    DELETE = "delete": "Delete";
    /// After a scenario is deleted, before Undo.
    DELETED = "deleted": "Deleted “{ $name }”.";
    /// Brings the deleted scenario back.
    UNDO = "undo": "Undo";
    /// Above the saved entries that could not be read.
    UNREADABLE_ENTRIES = "unreadable-entries": "Saved entries that could not be read (left as they are):";
    /// Downloads an unreadable entry's text.
    DOWNLOAD = "download": "Download";
    /// Removes an unreadable entry.
    REMOVE = "remove": "Remove";
    // A chart's share and download buttons, and the Share and Embed dialogs.
    /// Why a text was not copied.
    NO_CLIPBOARD = "no-clipboard": "the clipboard is not available here";
    /// Why a text was not copied.
    COPY_REFUSED = "copy-refused": "the browser did not allow copying";
    /// While a link or code is copied.
    COPYING = "copying": "Copying…";
    /// A link or code was copied.
    COPIED = "copied": "Copied to the clipboard.";
    /// A link or code could not be copied.
    NOT_COPIED = "not-copied": "Not copied ({ $why }): the text is selected above — press Ctrl+C (⌘C on a Mac).";
    /// A chart's toolbar.
    SHARE_AND_DOWNLOAD = "share-and-download": "Share and download this chart";
    /// A chart's toolbar: opens the Share dialog.
    SHARE_LINK = "share-link": "Share link";
    /// Its tooltip.
    SHARE_LINK_TITLE = "share-link-title": "Copy a link to exactly this view";
    /// A chart's toolbar: opens the Embed dialog.
    EMBED = "embed": "Embed";
    /// Its tooltip.
    EMBED_TITLE = "embed-title": "Code to put this chart on another page";
    /// The PNG button's tooltip.
    PNG_TITLE = "png-title": "Image with title and source, at 2× for print";
    /// The SVG button's tooltip.
    SVG_TITLE = "svg-title": "Vector image with title and source";
    /// A chart's toolbar: the figures shown as CSV.
    CSV_SHOWN = "csv-shown": "CSV · shown";
    /// Its tooltip under the ranking's chart.
    CSV_SHOWN_RANKING = "csv-shown-ranking": "The ranking table's rows as shown (search, group and sort applied), as CSV";
    /// Its tooltip under the performers' chart.
    CSV_SHOWN_PERFORMERS = "csv-shown-performers": "Every economy's figures in the table's current order, as CSV";
    /// Its tooltip under the other charts.
    CSV_SHOWN_CHART = "csv-shown-chart": "The figures drawn in this chart, as CSV";
    /// A chart's toolbar: everything as CSV.
    CSV_ALL = "csv-all": "CSV · all";
    /// Its tooltip.
    CSV_ALL_TITLE = "csv-all-title": "Every unit, every score and every raw value of this year, as CSV";
    /// A chart's toolbar: the link to the sources.
    SOURCES = "sources": "Sources";
    /// A dialog's close button.
    CLOSE = "close": "Close";
    /// The Share dialog's title.
    SHARE_THIS_VIEW = "share-this-view": "Share this view";
    /// In the Share dialog.
    SHARE_HINT = "share-hint": "This link reproduces exactly what you see: dataset, year, weights, method, the groups compared and the country followed.";
    /// In the Share dialog, for one's own data.
    SHARE_MINE = "share-mine": "The dataset is your own import, kept only in this browser: elsewhere the link says so and shows the default view.";
    /// The Share dialog's field.
    LINK = "link": "Link";
    /// The link's length.
    CHARACTERS = "characters": "{ $count } characters";
    /// Copies the link again.
    COPY_AGAIN = "copy-again": "Copy again";
    /// The Embed dialog's title.
    EMBED_THIS_CHART = "embed-this-chart": "Embed this chart";
    /// In the Embed dialog, for one's own data.
    EMBED_MINE = "embed-mine": "The dataset is your own import, kept only in this browser: an embed of it shows the default dataset elsewhere.";
    /// The embed's width.
    WIDTH = "width": "Width";
    /// The embed's height.
    HEIGHT = "height": "Height";
    /// The embed's choice of live or fixed data.
    EMBED_DATA = "embed-data": "Data";
    /// An embed that follows the data.
    LIVE = "live": "Live";
    /// What it means.
    LIVE_HINT = "live-hint": "follows data updates and the latest year";
    /// An embed that keeps what is shown.
    FIXED = "fixed": "Fixed";
    /// What it means.
    FIXED_HINT = "fixed-hint": "pins this year, this data edition and these weights";
    /// The embed code's field.
    EMBED_CODE = "embed-code": "Code to paste into your page";
    /// Copies the embed code.
    COPY_CODE = "copy-code": "Copy code";
    /// The embed's preview.
    PREVIEW = "preview": "Preview";
    /// The preview's size when it is shown smaller ("600 × 400 px", "80 %").
    PREVIEW_SCALED = "preview-scaled": "{ $size }, shown at { $share }";
    /// The preview frame's title.
    PREVIEW_OF = "preview-of": "Preview: { $title }";
    // The sources.
    /// The sources' title.
    SOURCES_AND_NOTES = "sources-and-notes": "Sources and notes";
    /// The sources table's caption.
    SOURCES_CAPTION = "sources-caption": "Each indicator of { $title }: where it comes from, and how many countries have a value in { $year }.";
    /// A column of the sources.
    INDICATOR = "indicator": "Indicator";
    /// A column of the sources.
    PUBLISHER = "publisher": "Publisher";
    /// A column of the sources.
    SOURCE = "source": "Source";
    /// A figure's source line (`view_model::source_line_with`): `sources` are the publishers'
    /// own words, "Publisher, Title (edition), licence", joined by "; ".
    SOURCE_LINE = "source-line": "Source: { $sources }. Computed with Index Explorer.";
    /// A column of the sources.
    EDITION = "edition": "Edition";
    /// A column of the sources.
    LICENCE = "licence": "Licence";
    /// A column of the sources: the countries with a value in the year.
    COVERAGE_IN = "coverage-in": "Coverage { $year }";
    /// Beside a coverage: the values carried forward from earlier years.
    CARRIED_FORWARD = "carried-forward": "+{ $count } carried forward";
    /// Above the sources used outside the index.
    ALSO_USED = "also-used": "Also used (context, not in the index):";
    /// A source's licence.
    LICENCE_IS = "licence-is": "Licence: { $licence }.";
    /// The data's edition id.
    DATA_EDITION = "data-edition": "Data edition { $edition } (what a fixed embed pins).";
    /// The sources' last line.
    COMPUTED_HERE = "computed-here": "Index Explorer computes every score in your browser with the same engine as its command-line tool. Rounded for display only.";

    // The analyses run in the background: their Run buttons, bars and failures.
    /// A job's progress ("1,234 of 10,000").
    DONE_OF = "done-of": "{ $done } of { $total }";
    /// Why a job could not run.
    NOT_LISTED = "not-listed": "dataset `{ $dataset }` is not in the list of datasets";
    /// Runs the uncertainty analysis.
    ROB_RUN = "rob-run": "Run the analysis";
    /// Its progress bar.
    DRAWS_MADE = "draws-made": "Draws made";
    /// It failed.
    ROB_FAILED = "rob-failed": "The uncertainty analysis could not run: { $why }.";
    /// Finds the best and worst possible ranks.
    RANGES_RUN = "ranges-run": "Find the best and worst ranks";
    /// Its progress bar.
    COUNTRIES_SOLVED = "countries-solved": "Countries solved";
    /// It failed.
    RANGES_FAILED = "ranges-failed": "The best and worst ranks could not run: { $why }.";
    /// Explains why the followed country moved.
    EXPLAIN_RUN = "explain-run": "Explain the change";
    /// The progress bar of an explanation.
    CHANGES_SPLIT = "changes-split": "Changes split";
    /// It failed.
    EXPLAIN_FAILED = "explain-failed": "The explanation could not run: { $why }.";
    /// Finds each country's largest cause of change between two scenarios.
    CAUSES_RUN = "causes-run": "Find the largest causes";
    /// It failed.
    CAUSES_FAILED = "causes-failed": "The largest causes could not run: { $why }.";
    /// Runs the health check.
    HEALTH_RUN = "health-run": "Check the index's health";
    /// Its progress bar.
    NODES_CHECKED = "nodes-checked": "Nodes checked";
    /// It failed.
    HEALTH_FAILED = "health-failed": "The health check could not run: { $why }.";
    /// Finds what the followed country would need.
    TARGET_RUN = "target-run": "Find what it would take";
    /// Its progress bar.
    TRIALS = "trials": "Trials";
    /// It failed.
    TARGET_FAILED = "target-failed": "What it would take could not run: { $why }.";
    /// Imports one's files.
    IMPORT_RUN = "import-run": "Import";
    /// Its progress bar.
    FILES_READ = "files-read": "Files read";
    /// It failed.
    IMPORT_FAILED = "import-failed": "The import could not run: { $why }.";

    // The uncertainty analysis ("How robust is this ranking?").
    /// Its title.
    ROB_TITLE = "rob-title": "How robust is this ranking?";
    /// Under its title.
    ROB_HINT = "rob-hint": "Ranks depend on choices: the weights, the normalisation, the aggregation. Draw those choices many times and see how far each rank moves (a Monte Carlo uncertainty analysis, as the JRC audits indices). It runs in the background; the page stays usable.";
    /// How the weights are drawn.
    WEIGHTS_VARY = "weights-vary": "Weights vary";
    /// A choice drawn.
    ROB_NORMALISATION = "rob-normalisation": "Normalisation: min–max or percentile ranks";
    /// A choice drawn.
    ROB_AGGREGATION = "rob-aggregation": "Aggregation: arithmetic or geometric mean";
    /// A choice drawn.
    ROB_WINSORISATION = "rob-winsorisation": "Outliers: winsorise 0 to 5 values";
    /// A choice drawn.
    ROB_IMPUTATION = "rob-imputation": "Missing values: imputed or left out";
    /// How many draws.
    DRAWS = "draws": "Draws";
    /// The random seed.
    SEED = "seed": "Seed";
    /// A seed that is not a whole number.
    SEED_REFUSED = "seed-refused": "The seed must be a whole number from 0; the previous seed is kept.";
    /// Adds the sensitivity analysis.
    ROB_ALSO_SENSITIVITY = "rob-also-sensitivity": "Also: which choice moves ranks most (sensitivity, slower)";
    /// Over a result of an earlier scenario.
    ROB_STALE = "rob-stale": "The weights, method, year or groups have changed since: these figures are for the earlier scenario. Run the analysis again for the one shown.";
    /// The chart's title.
    ROB_SPANS_TITLE = "rob-spans-title": "{ $title }: each country's rank over the draws";
    /// The chart's accessible description.
    ROB_SPANS_LABEL = "rob-spans-label": "Each country's rank under the scenario (dot), its median rank over the draws (tick) and the ranks 90 % of draws fall within (line), countries in the order of their rank; wider lines for intervals over 20 places";
    /// Under a chart with a table below it.
    TABLE_BELOW = "table-below": "The table below gives every figure.";
    /// Before a country is followed.
    ROB_CLICK_ROW = "rob-click-row": "Click a row to see how likely each rank is for that country.";
    /// The followed country never changes places.
    ROB_NO_RIVALS = "rob-no-rivals": "{ $name } keeps its place against every other country in every draw.";
    /// The rivals table's caption.
    ROB_RIVALS = "rob-rivals": "The countries { $name } changes places with in some draws";
    /// A column: the share of draws the followed country ranks above the rival.
    ROB_ABOVE_IT = "rob-above-it": "{ $name } above it";
    /// A column: the share of draws the rival ranks above the followed country.
    ROB_IT_ABOVE = "rob-it-above": "It above { $name }";
    /// A bar of the rank probabilities: a rank and its share of draws.
    RANK_SHARE = "rank-share": "rank { $rank }: { $share }";
    /// The ends of the rank probabilities' axis.
    RANK_N = "rank-n": "rank { $rank }";
    /// The sensitivity table's caption.
    ROB_SENSITIVITY = "rob-sensitivity": "What moves the ranks: the share of the variance of the mean rank shift each choice explains (5–95 % interval)";
    /// A column of the sensitivity table.
    CHOICE = "choice": "Choice";
    /// A column of the sensitivity table: the choice's first-order share.
    ALONE = "alone": "Alone";
    /// A column of the sensitivity table: its total share.
    WITH_INTERACTIONS = "with-interactions": "With interactions";
    /// The table's caption (read by screen readers).
    ROB_TABLE_CAPTION = "rob-table-caption": "Each unit's rank under the scenario, its median rank over the draws, the ranks 90 % of draws fall within, and the best and worst drawn";
    /// A column: the median rank over the draws.
    MEDIAN = "median": "Median";
    /// A column: the ranks 90 % of draws fall within.
    NINETY_OF_DRAWS = "ninety-of-draws": "90 % of draws";
    /// The mark of a wide interval: its tooltip.
    WIDE_TITLE = "wide-title": "spans more than 20 places";
    /// The mark of a wide interval, for screen readers.
    WIDE = "wide": "wide";
    /// A choice of how the weights vary (also a choice of the weights allowed in the best and worst ranks).
    ANY_WEIGHTS = "any-weights": "any weights";
    /// A choice of how the weights vary: not at all.
    WEIGHTS_AS_THEY_ARE = "weights-as-they-are": "fixed";
    /// The analysis in one sentence; `varying` says what varies, in English (written by index-core).
    ROB_SENTENCE = "rob-sentence": "{ $draws } draws varying { $varying } (seed { $seed }, { $seconds } s): { $wide } of { $count } units' rank spans more than { $places } places in the middle 90 % of draws.";
    /// After the analysis's sentence, when some draws failed.
    ROB_FAILED_DRAWS = "rob-failed-draws": "{ $draws } draws could not be scored and are left out.";
    /// A pair of groups' gap over the draws.
    ROB_GAP = "rob-gap": "Gap { $pair }: { $gap }; in 90 % of draws between { $low } and { $high }.";
    /// A pair of groups' gap, when the draws score on different scales.
    ROB_GAP_SCALES = "rob-gap-scales": "Gap { $pair }: { $gap }; not compared across draws, whose normalisations score on different scales.";
    /// A pair of groups' gap, when a group has no score.
    ROB_GAP_NONE = "rob-gap-none": "Gap { $pair }: not available (a group has no score).";
    /// The followed country's ranks over the draws, when it takes one rank in all.
    ROB_RANKS_ONE = "rob-ranks-one": "{ $name } ranks { $rank } under these choices; over the draws its most likely rank is { $likeliest } ({ $share } of draws), and it ranks { $first } in all.";
    /// The followed country's ranks over the draws.
    ROB_RANKS_BETWEEN = "rob-ranks-between": "{ $name } ranks { $rank } under these choices; over the draws its most likely rank is { $likeliest } ({ $share } of draws), and it ranks between { $first } and { $last } in all.";

    // The best and worst possible ranks.
    /// Its title.
    RANGES_TITLE = "ranges-title": "Best and worst possible ranks";
    /// Under its title.
    RANGES_HINT = "ranges-hint": "Which ranks can each country reach, whatever the weights of the pillars? Solved exactly, not sampled: one mixed-integer programme per country and bound (Lorenz, Brauer & Lorenz 2016), in the background. Beside it, the benefit of the doubt: each country's score under the weights most favourable to it, no country scoring above 1 under them (OECD/JRC Handbook). Ties count in a country's favour.";
    /// Which weights are allowed.
    WEIGHTS_ALLOWED = "weights-allowed": "Weights allowed";
    /// Over a result of an earlier scenario.
    RANGES_STALE = "ranges-stale": "The weights, method, year or groups have changed since: these ranks are for the earlier scenario. Find them again for the one shown.";
    /// Applies the weights that give the followed country its best rank.
    APPLY_THESE_WEIGHTS = "apply-these-weights": "Apply these weights";
    /// The table's caption (read by screen readers).
    RANGES_TABLE_CAPTION = "ranges-table-caption": "Each unit's rank under the scenario, its best and worst possible rank under the weights allowed, and its benefit-of-the-doubt score and rank";
    /// A column: the best possible rank.
    BEST = "best": "Best";
    /// A column: the worst possible rank.
    WORST = "worst": "Worst";
    /// A column: the benefit-of-the-doubt score and rank.
    BENEFIT_OF_DOUBT = "benefit-of-doubt": "Benefit of the doubt";
    /// A choice of the weights allowed.
    HALF_TO_DOUBLE = "half-to-double": "each weight from half to double";
    /// A best or worst rank not proven: the limit proven beside it.
    NOT_RULED_OUT = "not-ruled-out": "{ $rank } ({ $limit } not ruled out)";
    /// The run in one sentence, every bound proven; `range` is the choice of weights allowed.
    RANGES_ALL_PROVEN = "ranges-all-proven": "Best and worst ranks of { $count } units under { $range } of { $pillars } ({ $pillar_count }; { $seconds } s): every bound proven.";
    /// The run in one sentence, some bounds not proven.
    RANGES_NOT_PROVEN = "ranges-not-proven": "Best and worst ranks of { $count } units under { $range } of { $pillars } ({ $pillar_count }; { $seconds } s): { $unproven } units with a bound not proven within the time allowed (2 s a programme).";
    /// After the run's sentence, when units were left out.
    RANGES_LEFT_OUT = "ranges-left-out": "{ $count } units without a score on every pillar are left out.";
    /// After the run's sentence, when the benefit of the doubt could not be had.
    BOD_NOT_AVAILABLE = "bod-not-available": "Benefit of the doubt: not available ({ $why }).";
    /// The followed country's best rank and the weights that give it.
    BEST_RANK_WITH = "best-rank-with": "{ $name } ranks { $rank } under these weights; its best possible rank is { $best }, with { $weights }.";
    /// The followed country's best rank, not proven, and the weights that give it.
    BEST_RANK_NOT_PROVEN_WITH = "best-rank-not-proven-with": "{ $name } ranks { $rank } under these weights; its best possible rank is { $best } (rank { $limit } is not ruled out), with { $weights }.";
    /// The followed country's benefit-of-the-doubt score, without its pillars' shares.
    BOD_SCORES = "bod-scores": "Benefit of the doubt: { $name } scores { $score } (rank { $rank }) under the weights most favourable to it.";
    /// The followed country's benefit-of-the-doubt score, every pillar weighing.
    BOD_SCORES_MADE_OF = "bod-scores-made-of": "Benefit of the doubt: { $name } scores { $score } (rank { $rank }) under the weights most favourable to it, its score made of { $shares }.";
    /// The followed country's benefit-of-the-doubt score, one pillar weighing nothing.
    BOD_SCORES_ONE_UNUSED = "bod-scores-one-unused": "Benefit of the doubt: { $name } scores { $score } (rank { $rank }) under the weights most favourable to it, its score made of { $shares }; { $unused } weighs nothing.";
    /// The followed country's benefit-of-the-doubt score, some pillars weighing nothing.
    BOD_SCORES_UNUSED = "bod-scores-unused": "Benefit of the doubt: { $name } scores { $score } (rank { $rank }) under the weights most favourable to it, its score made of { $shares }; { $unused } weigh nothing.";

    // The performers against income.
    /// Its title.
    PERFORMERS_TITLE = "performers-title": "Over- and under-performers against income";
    /// Under its title.
    PERFORMERS_HINT = "performers-hint": "Expected rank: the rank by GDP per capita (PPP) among the economies compared. Difference = expected − actual rank: positive when an economy scores better than its income predicts (UNCTAD's over-performers). Click a row to follow an economy on the chart.";
    /// A column: the rank expected from income.
    EXPECTED = "expected": "Expected";
    /// A column: expected minus actual rank.
    DIFFERENCE = "difference": "Difference";
    /// Instead of the performers' coverage when they cannot be had.
    NOT_AVAILABLE = "not-available": "Not available: { $why }.";
    /// A country's note: why it is not compared.
    NO_GDP = "no-gdp": "no GDP per capita for { $year }";
    /// A country's note: why it is not compared.
    GDP_NOT_POSITIVE = "gdp-not-positive": "GDP per capita for { $year } not above 0";
    /// Its coverage, when no country is scored.
    NO_ECONOMY_SCORED = "no-economy-scored": "No economy has a score in { $year }.";
    /// Its coverage, every scored country compared.
    GDP_FOR_ALL = "gdp-for-all": "GDP per capita for all { $count } scored economies in { $year }.";
    /// Its coverage.
    GDP_FOR_SOME = "gdp-for-some": "GDP per capita for { $compared } of { $count } scored economies in { $year }.";
    /// A column of its table (downloaded): the ISO3 code.
    CODE = "code": "Code";
    /// A column of its table (downloaded): the group marked.
    GROUP = "group": "Group";
    /// A column of its table (downloaded).
    GDP_PPP = "gdp-ppp": "GDP per capita (PPP)";
    /// A column of its table (downloaded).
    EXPECTED_RANK = "expected-rank": "Expected rank";
    /// A column of its table (downloaded): why a country is not compared.
    NOTE = "note": "Note";

    // The scenario comparison.
    /// Its title: the scenarios compared.
    COMPARING = "comparing": "Comparing { $names }";
    /// Its close button.
    CLOSE_COMPARISON = "close-comparison": "Close the comparison";
    /// The gaps' title.
    GAP_UNDER_EACH = "gap-under-each": "The gap between { $a } and { $b } under each";
    /// A column.
    SCENARIO = "scenario": "Scenario";
    /// The slope chart's title.
    RANKS_UNDER_EACH = "ranks-under-each": "Ranks under each scenario";
    /// The slope chart's accessible description.
    SLOPES_LABEL = "slopes-label": "Slope chart of ranks under each scenario; the largest movers are highlighted";
    /// The rank changes' title.
    RANK_CHANGES = "rank-changes": "Rank changes, largest first";
    /// Under it.
    LARGEST_CAUSE_HINT = "largest-cause-hint": "Largest cause: the change with the largest Shapley part of each country's change from the first scenario to the last.";
    /// A column: the change in rank.
    CHANGE = "change": "Change";
    /// Its tooltip.
    CHANGE_TITLE = "change-title": "Rank under the first scenario minus rank under the last";
    /// A column.
    LARGEST_CAUSE = "largest-cause": "Largest cause";
    /// Shows the first rows only.
    SHOW_FEWER = "show-fewer": "Show fewer";
    /// Shows every row.
    SHOW_EVERY_UNIT = "show-every-unit": "Show every unit";

    // Why the followed country moved.
    /// Its title.
    EXPLAIN_TITLE = "explain-title": "Why did it move?";
    /// Under its title.
    EXPLAIN_HINT = "explain-hint": "Each change from the published scenario (a weight, the method, the year) and its share of the followed country's change: its Shapley value, so the parts add up to the whole. Exact up to 12 changes, else sampled.";
    /// Over a result of an earlier view.
    EXPLAIN_STALE = "explain-stale": "For an earlier view: explain again.";
    /// When no country is followed.
    EXPLAIN_FOLLOW = "explain-follow": "Follow a country (click its row in the ranking) to see why it moved.";
    /// The waterfall chart's key.
    WATERFALL_KEY = "waterfall-key": "Filled blue: raises the score; outlined vermillion: lowers it; dark: the whole change.";
    /// Opens a chart's figures as a table.
    SHOW_AS_TABLE = "show-as-table": "Show as a table";
    /// The scenario a change is explained from.
    THE_PUBLISHED_SCENARIO = "the-published-scenario": "the published scenario";
    /// The scenario a change is explained to.
    THE_VIEW_EXPLAINED = "the-view-explained": "the view explained";
    /// The waterfall's title: `from` and `to` are the scenarios' names.
    WHY_MOVED = "why-moved": "Why { $name } moved from { $from } to { $to }";
    /// The waterfall, for screen readers.
    WATERFALL_LABEL = "waterfall-label": "Waterfall chart: each change's part of { $name }'s change in score, then the total";
    /// The waterfall's last bar.
    TOTAL_CHANGE = "total-change": "Total change";
    /// Instead of the waterfall: the followed country is not in the result.
    NOT_IN_EXPLANATION = "not-in-explanation": "{ $name } is not in the explanation.";
    /// Instead of the waterfall: the two scenarios are the same.
    NOTHING_DIFFERS = "nothing-differs": "Nothing differs between { $from } and { $to }.";
    /// A change: a node's weight.
    NODE_WEIGHT = "node-weight": "{ $node } weight";
    /// A change: the weights among a node's parts.
    WEIGHTS_WITHIN = "weights-within": "Weights within { $node }";
    /// A change: the outliers' treatment.
    CHANGE_TREATMENT = "change-treatment": "Treatment";
    /// A change: the imputation of missing values.
    CHANGE_IMPUTATION = "change-imputation": "Imputation";
    /// A change: the coverage screen.
    CHANGE_SCREEN = "change-screen": "Screen";
    /// A change: carrying values forward.
    CHANGE_CARRY_FORWARD = "change-carry-forward": "Carry forward";
    /// A change: the denominators.
    CHANGE_DENOMINATE = "change-denominate": "Denominate";
    /// In the waterfall's sentence, its change of rank.
    RANK_FROM_TO = "rank-from-to": "rank { $from } → { $to }";
    /// In the waterfall's sentence, instead of its change of rank.
    UNRANKED_AT_ONE_END = "unranked-at-one-end": "unranked at one end";
    /// In the waterfall's sentence, one of the two largest parts (`change` is the change's name, first letter lower-cased).
    CHANGE_FOR = "change-for": "the { $change } for { $part }";
    /// The waterfall's sentence, one change.
    EXPLAIN_ONE_PART = "explain-one-part": "Of the { $total } change in { $name }'s score ({ $from } to { $to }, { $ranks }), { $first }.";
    /// The waterfall's sentence, two changes.
    EXPLAIN_TWO_PARTS = "explain-two-parts": "Of the { $total } change in { $name }'s score ({ $from } to { $to }, { $ranks }), { $first } and { $second }.";
    /// The waterfall's sentence, three changes.
    EXPLAIN_ONE_OTHER = "explain-one-other": "Of the { $total } change in { $name }'s score ({ $from } to { $to }, { $ranks }), { $first }, { $second } and the other change for { $rest }.";
    /// The waterfall's sentence, more changes.
    EXPLAIN_OTHERS = "explain-others": "Of the { $total } change in { $name }'s score ({ $from } to { $to }, { $ranks }), { $first }, { $second } and the other { $count } changes for { $rest }.";
    /// After the waterfall's sentence, when the parts are sampled.
    SAMPLED_NOTE = "sampled-note": "With { $count } changes the parts are estimated from { $orders } sampled orders, each with its standard error; the whole change is exact.";
    /// After the waterfall's sentence, when the parts are sampled, with the largest error.
    SAMPLED_NOTE_LARGEST = "sampled-note-largest": "With { $count } changes the parts are estimated from { $orders } sampled orders, each with its standard error (the largest ±{ $largest }); the whole change is exact.";
    /// A column of the waterfall's table.
    FROM = "from": "From";
    /// A column of the waterfall's table.
    TO = "to": "To";
    /// A column of the waterfall's table.
    PART_OF_SCORE_CHANGE = "part-of-score-change": "Part of the score change";
    /// A column of the waterfall's table.
    PART_OF_RANK_CHANGE = "part-of-rank-change": "Part of the rank change";
    /// A column of the waterfall's table, when the parts are sampled.
    STANDARD_ERROR = "standard-error": "Standard error";
    /// The waterfall's table's last row.
    TOTAL = "total": "Total";

    // The followed country's profile.
    /// The profile's region.
    COUNTRY_PROFILE = "country-profile": "Country profile";
    /// Its close button.
    CLOSE_PROFILE = "close-profile": "Close profile";
    /// A title.
    PILLARS_AGAINST_MEANS = "pillars-against-means": "Pillars against the group means";
    /// A title.
    PILLAR_CONTRIBUTIONS = "pillar-contributions": "What each pillar contributes";
    /// The contributions' bar, for screen readers.
    CONTRIBUTIONS_LABEL = "contributions-label": "Contribution of each pillar to the score";
    /// A pillar's contribution in points ("12.3 points").
    POINTS = "points": "{ $points } points";
    /// A title.
    STRENGTHS = "strengths": "Strengths and weaknesses";
    /// Under it.
    STRENGTHS_HINT = "strengths-hint": "Its best and worst indicators by rank among the countries with a value, under the current method.";
    /// The rank history's title.
    RANK_OVER_YEARS = "rank-over-years": "Rank over the years (current weights and method)";
    /// Its accessible description.
    RANK_HISTORY_LABEL = "rank-history-label": "Line chart of the selected unit's rank by year";
    /// Its line.
    RANK_OF = "rank-of": "Rank of { $name }";

    // The followed country over the years.
    /// Its title.
    OVER_THE_YEARS = "over-the-years": "Over the years";
    /// When no country is followed.
    TREND_FOLLOW = "trend-follow": "Follow a country (click its row in the ranking) to see its rank and score over the years.";
    /// A dataset of one year.
    ONE_YEAR = "one-year": "This dataset has one year: there is nothing to draw over time.";

    /// A column of its table: a group's mean score.
    GROUP_MEAN = "group-mean": "{ $group } mean";
    /// Its chart's title.
    TREND_TITLE = "trend-title": "{ $name }: rank and index score, { $first }–{ $last }, with the groups' means";
    /// Its chart, for screen readers (`index` is the index's title).
    TREND_LABEL = "trend-label": "Line charts of { $name }'s { $index } score with the groups' mean scores, and of its rank, over the years";

    // The charts.
    /// The charts' region.
    CHARTS = "charts": "Charts";
    /// The gap-over-time chart's node picker.
    GAP_OVER_TIME_ON = "gap-over-time-on": "Gap over time on";

    // What the followed country would need ("What would it take?").
    /// Its title.
    TARGET_TITLE = "target-title": "What would it take?";
    /// Under its title.
    TARGET_HINT = "target-hint": "The smallest improvement that lifts the followed country to a rank, or past another country, under the weights and method shown: in one indicator, or in several together, each closing the same share of its gap to the best value observed. Every trial re-scores every country.";
    /// When no country is followed.
    TARGET_FOLLOW = "target-follow": "Follow a country (click its row in the ranking) to see what it would take.";
    /// The goal's picker.
    GOAL = "goal": "Goal";
    /// A goal.
    REACH_RANK = "reach-rank": "Reach a rank";
    /// A goal.
    PASS_COUNTRY = "pass-country": "Pass a country";
    /// The rank field, with the last rank.
    RANK_UP_TO = "rank-up-to": "Rank (1–{ $count })";
    /// A picker's empty choice.
    CHOOSE = "choose": "Choose…";
    /// The indicators' tick boxes.
    INDICATORS_TO_IMPROVE = "indicators-to-improve": "Indicators to improve";
    /// Run without a country to pass.
    CHOOSE_RIVAL = "choose-rival": "Choose the country to pass.";
    /// Run without an indicator.
    TICK_INDICATOR = "tick-indicator": "Tick at least one indicator to improve.";
    /// Over a result for other choices.
    TARGET_STALE = "target-stale": "For an earlier view, another country or other choices: run again.";
    /// Before the ways the answer depends on the data.
    DEPENDS_ON_DATA = "depends-on-data": "The answer depends on the rest of the data:";

    /// A column of its table: the indicator's unit.
    UNIT = "unit": "Unit";
    /// A column of its table: the indicator's current value.
    CURRENT = "current": "Current";
    /// A column of its table: the value needed.
    NEEDED = "needed": "Needed";
    /// A column of its table: the best value any country has.
    BEST_OBSERVED = "best-observed": "Best observed";
    /// A column of its table: the worst value any country has.
    WORST_OBSERVED = "worst-observed": "Worst observed";
    /// How the answer was computed, in one run.
    EFFORT_ONE_RUN = "effort-one-run": "Computed with { $count } run of the whole pipeline in { $ms } ms.";
    /// How the answer was computed.
    EFFORT_RUNS = "effort-runs": "Computed with { $count } runs of the whole pipeline in { $ms } ms.";
    /// A list's last two items (`items` is the others, joined by commas).
    LIST_AND = "list-and": "{ $items } and { $last }";
    /// The indicators named, one more not named.
    AND_ONE_MORE_INDICATOR = "and-one-more-indicator": "{ $items }, and one more indicator (see the table)";
    /// The indicators named, more not named.
    AND_MORE_INDICATORS = "and-more-indicators": "{ $items }, and { $count } more indicators (see the table)";
    /// Instead of a country's rank, inside a sentence.
    UNRANKED = "unranked": "unranked";
    /// Instead of a country's score, inside a sentence.
    NO_SCORE = "no-score": "no score";
    /// Instead of the answer: no indicator was chosen.
    NO_INDICATOR_CHOSEN = "no-indicator-chosen": "{ $name }: no indicator was chosen.";
    /// The indicators moved, inside a sentence, when several.
    THE_CHOSEN_INDICATORS = "the-chosen-indicators": "the { $count } chosen indicators";
    /// The indicator moved, inside a sentence.
    THE_CHOSEN_INDICATOR = "the-chosen-indicator": "the chosen indicator";
    /// The answer's status: the goal is already met.
    ALREADY_THERE = "already-there": "Already there";
    /// The answer's status: the goal can be met.
    REACHED = "reached": "Reached";
    /// The answer's status: the goal cannot be met.
    OUT_OF_REACH = "out-of-reach": "Out of reach within the observed range";
    /// The answer: already within the rank asked for (`now` is "rank 3" or "unranked").
    ALREADY_AT_RANK = "already-at-rank": "{ $name } is already at { $now }, within rank { $rank }: nothing to improve.";
    /// The answer: already ahead of the country to pass.
    ALREADY_AHEAD = "already-ahead": "{ $name } is already ahead of { $other } (score { $score } against { $their }): nothing to improve.";
    /// The answer: the rank is reached by closing a share of every indicator's gap (`moves` lists the changes).
    REACH_RANK_CLOSING = "reach-rank-closing": "{ $name } would reach rank { $rank } (now { $now }) by closing { $share } % of each indicator's gap to the best observed value: { $moves }.";
    /// The answer: the rank is reached by one indicator's change.
    REACH_RANK_WITH = "reach-rank-with": "{ $name } would reach rank { $rank } (now { $now }) with { $moves }.";
    /// The answer: the other country is passed by closing a share of every indicator's gap.
    PASS_CLOSING = "pass-closing": "{ $name } would pass { $other } (score { $score } against { $their }; now { $now }) by closing { $share } % of each indicator's gap to the best observed value: { $moves }.";
    /// The answer: the other country is passed by one indicator's change.
    PASS_WITH = "pass-with": "{ $name } would pass { $other } (score { $score } against { $their }; now { $now }) with { $moves }.";
    /// The answer: the rank is out of reach (`chosen` names the indicators; `best` is "rank 3" or "unranked").
    OUT_OF_REACH_RANK = "out-of-reach-rank": "{ $name } would not get rank { $rank } even with { $chosen } at the best value any country has: it would be at { $best } at best.";
    /// The answer: the other country is out of reach.
    OUT_OF_REACH_PAST = "out-of-reach-past": "{ $name } would not get past { $other } even with { $chosen } at the best value any country has: its score would be { $score } at best, against { $other }'s { $their }.";
    /// Under the table, when a current value is carried forward.
    CARRIED_FORWARD_NOTE = "carried-forward-note": "A current value with a year in brackets is carried forward from that year; the needed value is for the year shown.";
    /// Under the table, when the score is not monotone in the indicators.
    NOT_MONOTONE_NOTE = "not-monotone-note": "Outlier treatment makes the score fall again at a larger improvement here: this is the smallest improvement found.";

    // The index's health.
    /// Its title.
    HEALTH_TITLE = "health-title": "The index's health";
    /// Under its title.
    HEALTH_HINT = "health-hint": "The JRC's statistical audit of the scenario shown: correlations (negative pairs within a pillar and |r| > 0.92 flagged), Cronbach's α, effective weights, and each part left out.";
    /// The correlation coefficient's picker, and a column.
    COEFFICIENT = "coefficient": "Coefficient";
    /// A coefficient.
    PEARSON = "pearson": "Pearson's r";
    /// A coefficient.
    SPEARMAN = "spearman": "Spearman's ρ";
    /// Over a result of an earlier scenario.
    HEALTH_STALE = "health-stale": "For an earlier scenario: check again.";
    /// The heat map's accessible description.
    HEATMAP_LABEL = "heatmap-label": "Heat map of the correlations between every pair of indicators, pillars and the index; flagged pairs outlined";
    /// A column of the correlations.
    NODE = "node": "Node";
    /// A column of the correlations: the other node.
    WITH = "with": "With";
    /// A column of the correlations: how the two nodes are related.
    HOW_THEY_STAND = "how-they-stand": "How they stand";
    /// A column of the correlations.
    FLAG = "flag": "Flag";
    /// The parts' title.
    EACH_PART = "each-part": "Each part: weight, coherence, and the ranks without it";
    /// Under it.
    EFFECTIVE_WEIGHT_HINT = "effective-weight-hint": "Effective weight: squared correlation with the index, as a share of the siblings'.";
    /// A column, and the framework editor's part picker.
    PART = "part": "Part";
    /// A column.
    NOMINAL_WEIGHT = "nominal-weight": "Nominal weight";
    /// A column.
    EFFECTIVE_WEIGHT = "effective-weight": "Effective weight";
    /// A column: the correlation with the index.
    R_WITH_INDEX = "r-with-index": "r with the index";
    /// A column: Cronbach's alpha of the node's parts.
    ALPHA_OF_PARTS = "alpha-of-parts": "α of its parts";
    /// A column.
    MEDIAN_CHANGE_WITHOUT = "median-change-without": "Median rank change without it";
    /// A column: the largest rank change without the node.
    LARGEST = "largest": "Largest";

    /// A flagged pair of its correlations.
    NEGATIVE_WITHIN_PARENT = "negative-within-parent": "negative within its parent";
    /// A flagged pair of its correlations.
    NEAR_DUPLICATES = "near-duplicates": "near-duplicates (|r| > 0.92)";
    /// A flagged pair of its correlations, flagged twice.
    NEGATIVE_AND_NEAR_DUPLICATES = "negative-and-near-duplicates": "negative within its parent; near-duplicates";
    /// A pair's relation: two parts of one node.
    SIBLINGS = "siblings": "siblings";
    /// A pair's relation: two nodes at one level.
    SAME_LEVEL = "same-level": "same level";
    /// A pair's relation: a node and its parent.
    PARENT = "parent": "parent";
    /// A pair's relation: a node and a node above its parent.
    ANCESTOR = "ancestor": "ancestor";
    /// The check in one sentence, every α 0.7 or more (`title` is the index's).
    HEALTH_SENTENCE = "health-sentence": "{ $title } in { $year }: { $flags } of { $count } correlations flagged (negative within a parent, or near-duplicates); every α defined is 0.7 or more.";
    /// The check in one sentence, some α below 0.7 (`low` names those nodes).
    HEALTH_SENTENCE_LOW = "health-sentence-low": "{ $title } in { $year }: { $flags } of { $count } correlations flagged (negative within a parent, or near-duplicates); α below 0.7 for { $low }.";
    /// The heat map's title (`coefficient` is Pearson's r or Spearman's ρ).
    CORRELATIONS_TITLE = "correlations-title": "Correlations between indicators, pillars and the index ({ $coefficient }), { $year }";

    // Importing one's own data ("Your data").
    /// Its title, the name field's placeholder, and the name of an import not named.
    YOUR_DATA = "your-data": "Your data";
    /// Beside its title.
    IMPORT_HINT = "import-hint": "Import your own files (CSV, Excel, this app's JSON): they stay in this browser.";
    /// The data files' field.
    DATA_FILES = "data-files": "Data files (or drop them here)";
    /// The framework file's field.
    FRAMEWORK_FIELD = "framework-field": "Framework (COINr metadata; optional)";
    /// Beside a chosen file: it is the framework.
    FRAMEWORK_FILE = "framework-file": "(framework)";
    /// A chosen file's Remove button, for screen readers.
    REMOVE_FILE = "remove-file": "Remove { $name }";
    /// A name field (import, framework editor).
    NAME = "name": "Name";
    /// An import option.
    LAYOUT = "layout": "Layout";
    /// An import option.
    DELIMITER = "delimiter": "Delimiter";
    /// An import option.
    DECIMAL_MARK = "decimal-mark": "Decimal mark";
    /// An import option.
    ENCODING = "encoding": "Encoding";
    /// While the files are read.
    READING_FILES = "reading-files": "Reading the files…";
    /// An import's report: its counts.
    ERRORS_WARNINGS = "errors-warnings": "{ $errors } error(s), { $warnings } warning(s).";
    /// After an import that made a dataset.
    IMPORTED_SHOWN = "imported-shown": "Imported: now shown, and listed under “your data”.";
    /// After an import that failed.
    NOTHING_IMPORTED = "nothing-imported": "Nothing imported: the view is as it was. Fix the files and try again.";
    /// The stored imports' title.
    STORED_HERE = "stored-here": "Stored in this browser";
    /// No import stored.
    NOTHING_IMPORTED_YET = "nothing-imported-yet": "Nothing imported yet.";
    /// A stored import's date.
    IMPORTED_ON = "imported-on": "imported { $date }";
    /// Opens a stored import.
    OPEN = "open": "Open";
    /// The browser cannot store imports.
    IMPORTS_NOT_KEPT = "imports-not-kept": "Imports cannot be kept: { $why }.";
    /// Asks before deleting a stored import.
    DELETE_IMPORT = "delete-import": "Delete “{ $name }” from this browser? It cannot be undone: import the files again to see it.";
    /// A stored import was deleted.
    IMPORT_DELETED = "import-deleted": "“{ $name }” was deleted from this browser.";

    /// An option of each of its choices: let the import find it.
    DETECT = "detect": "Detect";
    /// A layout.
    LAYOUT_LONG = "layout-long": "Long: unit, indicator, year, value";
    /// A layout.
    LAYOUT_WIDE = "layout-wide": "Wide: a column per indicator";
    /// A layout.
    LAYOUT_PER_INDICATOR = "layout-per-indicator": "One file per indicator";
    /// A layout.
    LAYOUT_XLSX = "layout-xlsx": "Excel workbook (.xlsx)";
    /// A delimiter (the character shown after it).
    DELIMITER_COMMA = "delimiter-comma": "Comma ,";
    /// A delimiter (the character shown after it).
    DELIMITER_SEMICOLON = "delimiter-semicolon": "Semicolon ;";
    /// A delimiter.
    DELIMITER_TAB = "delimiter-tab": "Tab";
    /// A decimal mark, with an example.
    DECIMAL_POINT = "decimal-point": "Point 12.5";
    /// A decimal mark, with an example.
    DECIMAL_COMMA = "decimal-comma": "Comma 12,5";
    /// Import refused: no file chosen.
    CHOOSE_DATA_FILE = "choose-data-file": "Choose a data file first.";
    /// Import refused: too many files.
    TOO_MANY_FILES = "too-many-files": "{ $count } files chosen: an import takes at most { $most }.";
    /// Import refused: a file too large (`size` is "1.2 MB").
    FILE_TOO_LARGE = "file-too-large": "{ $name } is { $size }: an import takes files of at most { $most } MiB.";
    /// A report line's badge: nothing was imported.
    SEVERITY_ERROR = "severity-error": "error";
    /// A report line's badge: the import went on without it.
    SEVERITY_WARNING = "severity-warning": "warning";
    /// A report line's badge: what was read.
    SEVERITY_NOTE = "severity-note": "note";

    /// Names the imported data before why it cannot be shown ("the imported data: …").
    THE_IMPORTED_DATA = "the-imported-data": "the imported data";
    /// Names a stored import before why it cannot be shown.
    YOUR_STORED_DATA = "your-stored-data": "your stored data";

    // The framework editor ("Your framework").
    /// Names the framework edited before why it cannot be shown ("your framework: …").
    YOUR_FRAMEWORK_NAMED = "your-framework-named": "your framework";
    /// Its title.
    YOUR_FRAMEWORK = "your-framework": "Your framework";
    /// Under its title.
    FRAMEWORK_HINT = "framework-hint": "Rename, move or delete the parts of your data's index, or turn an indicator's direction. Weights are set in the weights panel.";
    /// After it, for data stored in this browser.
    CHANGES_KEPT = "changes-kept": "Each change is kept with your data in this browser.";
    /// After it, for data the browser could not keep, or a change of it that it refused.
    CHANGES_UNTIL_CLOSED = "changes-until-closed": "Changes could not be kept in this browser: they last until the page is closed.";
    /// Deletes a part, after asking.
    DELETE_ASK = "delete-ask": "Delete…";
    /// Asks before deleting a part.
    DELETE_PART = "delete-part": "Delete “{ $name }” and everything under it from your framework? Its data stays in the dataset.";
    /// An indicator's direction.
    DIRECTION = "direction": "Direction";
    /// A direction.
    HIGHER_BETTER = "higher-better": "Higher is better";
    /// A direction.
    LOWER_BETTER = "lower-better": "Lower is better";
    /// Where a part moves.
    MOVE_UNDER = "move-under": "Move under";
    /// Moves the part.
    MOVE = "move": "Move";
    /// A change that could not be made.
    FRAMEWORK_NOT_CHANGED = "framework-not-changed": "The framework was not changed: { $why }.";

    /// A change refused: the dataset has no framework.
    NO_FRAMEWORK = "no-framework": "the dataset has no framework";
    /// A change refused: the part named is not there (`part` is its id).
    NO_SUCH_PART = "no-such-part": "there is no part `{ $part }`";
    /// A change refused: an empty name.
    NAME_EMPTY = "name-empty": "a name cannot be empty";
    /// A change refused: a direction for an aggregate.
    DIRECTION_NOT_INDICATOR = "direction-not-indicator": "`{ $part }` is not an indicator: only indicators have a direction";
    /// A change refused: an indicator of the framework the data lacks.
    INDICATOR_NOT_IN_DATA = "indicator-not-in-data": "indicator `{ $part }` is not in the data";
    /// A change refused: a part moved under itself.
    UNDER_ITSELF = "under-itself": "`{ $part }` cannot go under itself or what is under it";
    /// A change refused: a part moved under an indicator.
    UNDER_INDICATOR = "under-indicator": "`{ $part }` is an indicator: parts go under an aggregate";
    /// A change refused: the index moved.
    INDEX_NOT_MOVED = "index-not-moved": "the index itself cannot be moved";
    /// A change refused: the index deleted.
    INDEX_NOT_DELETED = "index-not-deleted": "the index itself cannot be deleted";
    /// A change refused: a deletion would leave nothing.
    NOTHING_LEFT = "nothing-left": "nothing would be left of the index";

    // The world map.
    /// Its title, and the map's name before it is drawn.
    WORLD_MAP = "world-map": "World map";
    /// What the map shows.
    MAP_SHOW = "map-show": "Show";
    /// How the values are classed.
    CLASSES = "classes": "Classes";
    /// A way to class.
    QUANTILES = "quantiles": "Quantiles";
    /// A way to class.
    EQUAL_INTERVALS = "equal-intervals": "Equal intervals";
    /// A way to class.
    OWN_BREAKS = "own-breaks": "My own breaks";
    /// How many classes.
    NUMBER_OF_CLASSES = "number-of-classes": "Number";
    /// One's own breaks.
    BREAKS = "breaks": "Breaks";
    /// Their placeholder.
    BREAKS_EXAMPLE = "breaks-example": "e.g. 25, 50, 75";
    /// Breaks that could not be read.
    BREAKS_NOT_APPLIED = "breaks-not-applied": "Breaks not applied: { $why }.";
    /// Outlines the least developed countries.
    OUTLINE_LDCS = "outline-ldcs": "Outline LDCs";
    /// The legend: units without a value.
    NO_DATA = "no-data": "No data";
    /// The legend: a circle for a small state.
    SMALL_STATE = "small-state": "Small state (under 20,000 km²)";
    /// The legend, for screen readers.
    LEGEND = "legend": "Legend";
    /// While the map's geometry loads.
    LOADING_MAP = "loading-map": "Loading the map…";
    /// The map's geometry could not be loaded.
    MAP_NOT_LOADED = "map-not-loaded": "The map could not be loaded: { $why }.";
    /// The embedded map could not be drawn.
    MAP_NOT_DRAWN = "map-not-drawn": "The map could not be drawn: { $why }";

    /// The breaks typed are refused: a word is not a number.
    NOT_A_NUMBER = "not-a-number": "`{ $word }` is not a number";
    /// The breaks typed are refused: none.
    TYPE_A_BREAK = "type-a-break": "type at least one break, e.g. 25, 50, 75";
    /// The breaks typed are refused: too many.
    TOO_MANY_BREAKS = "too-many-breaks": "at most { $most } breaks ({ $classes } classes)";
    /// Hovering a country the dataset lacks.
    NOT_IN_DATASET = "not-in-dataset": "{ $name }: not in this dataset";
    /// Hovering a country (`count` is how many are ranked).
    MAP_UNIT = "map-unit": "{ $name }: { $score } · rank { $rank } of { $count }";
    /// Hovering a country whose rank did not move.
    MAP_UNIT_NO_CHANGE = "map-unit-no-change": "{ $name }: { $score } · rank { $rank } of { $count } · no change since the published weights";
    /// Hovering a country whose rank moved (`change` is "▲ 3").
    MAP_UNIT_CHANGE = "map-unit-change": "{ $name }: { $score } · rank { $rank } of { $count } · { $change } since the published weights";
    /// Hovering a country without a score.
    UNIT_NO_DATA = "unit-no-data": "{ $name }: no data";
    /// Its subtitle: how the classes are made.
    QUANTILE_CLASSES = "quantile-classes": "quantile classes";
    /// Its subtitle: how the classes are made.
    EQUAL_INTERVALS_LOWER = "equal-intervals-lower": "equal intervals";
    /// Its subtitle: how the classes are made.
    READERS_BREAKS = "readers-breaks": "breaks chosen by the reader";
    /// Its title (`what` is the index, and the node mapped).
    MAP_TITLE = "map-title": "{ $what } on the world map, { $year }";
    /// The map, for screen readers.
    MAP_LABEL = "map-label": "World map of { $what } scores in { $classes } classes, darker for higher scores; { $count } units of the dataset without a score, and the countries it does not cover, hatched; small states as circles";
    /// A column of its table: a country's class.
    CLASS = "class": "Class";

    // Texts drawn into the charts (their titles, captions and sentences are the view model's, still English).
    /// The rank spans chart's horizontal axis.
    NOMINAL_RANK = "nominal-rank": "Nominal rank";
    /// Its vertical axis.
    RANK_OVER_DRAWS = "rank-over-draws": "Rank over the draws";
    /// The performers chart's horizontal axis.
    GDP_AXIS = "gdp-axis": "GDP per capita, PPP $ (log scale)";
    /// The performers chart's legend: the economies in neither group.
    OTHERS = "others": "Others";
    /// The performers chart's legend: the line of the score expected from income.
    FITTED_LINE = "fitted-line": "Fitted line";
    /// A point's tooltip on the performers chart.
    PERFORMER_TIP = "performer-tip": "{ $name } ({ $code }): score { $score } · GDP per capita ${ $gdp } · rank { $rank }, expected { $expected }";

    // The saved scenarios' notices.
    /// A scenario file too large to read.
    SCENARIO_FILE_TOO_LARGE = "scenario-file-too-large": "{ $file } was not imported: it is larger than { $mib } MiB, the most read for a scenario file.";
    /// A scenario file the browser could not read.
    FILE_NOT_READ = "file-not-read": "{ $file } could not be read.";
    /// A part of an imported scenario the dataset refuses.
    SCENARIO_PART_DEFAULT = "scenario-part-default": "Scenario “{ $name }”: { $problem }; it opens with the default for that part.";
    /// Scenarios imported from a file.
    SCENARIOS_IMPORTED = "scenarios-imported": "Imported { $count } scenario(s) from { $file }.";
    /// A scenario file that could not be imported.
    FILE_NOT_IMPORTED = "file-not-imported": "{ $file } was not imported: { $why }.";
    /// Scenarios could not be exported.
    EXPORT_FAILED = "export-failed": "Export failed: { $why }.";
    /// An unreadable entry could not be downloaded.
    DOWNLOAD_FAILED = "download-failed": "Download failed: { $why }.";

    // A chart's downloads' notices.
    /// A download could not be made ("PNG", "SVG", "CSV").
    NOT_MADE = "not-made": "The { $what } could not be made: { $why }.";
    /// Why: the chart is not drawn yet.
    NOTHING_TO_DOWNLOAD = "nothing-to-download": "nothing to download yet";
    /// Why: the data is not loaded yet.
    NOT_LOADED_YET = "not-loaded-yet": "the data is not loaded yet";

    // Your data's notices.
    /// A chosen file the browser could not read.
    FILE_UNREADABLE = "file-unreadable": "{ $file } could not be read";
    /// An import that could not be shown.
    IMPORT_NOT_SHOWN = "import-not-shown": "The import could not be shown: { $why }.";
    /// An import shown but not stored.
    IMPORT_NOT_KEPT = "import-not-kept": "Your data is shown but could not be kept in this browser: { $why }. It will be gone once the page is closed.";
    /// A link to data imported in another browser.
    IMPORTED_ELSEWHERE = "imported-elsewhere": "This link shows data imported in another browser (`{ $id }`). Imported data lives only in the browser that imported it, so the default view is shown; import the files here to see it.";
    /// Stored data that could not be opened.
    MINE_NOT_OPENED = "mine-not-opened": "Your data `{ $id }` could not be opened: { $why }.";
    /// A stored import that could not be deleted.
    IMPORT_NOT_DELETED = "import-not-deleted": "“{ $name }” could not be deleted: { $why }.";
    /// A framework change shown but not stored.
    CHANGE_NOT_KEPT = "change-not-kept": "The change is shown but could not be kept in this browser: { $why }.";
    // Why the browser keeps no data (`persist::mine`; the refusal `persist::library`'s too), put
    // inside the notices above.
    /// IndexedDB missing or refused.
    NO_STORAGE = "no-storage": "this browser keeps no data for the page (IndexedDB is unavailable or turned off, as in some private windows)";
    /// The site's quota reached.
    STORAGE_FULL = "storage-full": "the browser's storage for this site is full: delete some of your data, or free space in the browser's settings";
    /// Any other refusal (the browser's own words may follow in brackets).
    STORAGE_REFUSED = "storage-refused": "the browser's storage refused";
    /// An import larger than the page keeps.
    TOO_LARGE_TO_KEEP = "too-large-to-keep": "at { $size } MB it is larger than the { $max } MB this page keeps";
    // The saved scenarios' storage notices (`persist::library`).
    /// Another tab of the site changed them.
    SCENARIOS_OTHER_TAB = "scenarios-other-tab": "Saved scenarios were changed in another tab of this site: the list shows them as they are now.";
    /// Saved without browser storage.
    SCENARIOS_FOR_VISIT = "scenarios-for-visit": "Scenarios saved now are kept until this page closes (browser storage is unavailable): export them to keep them.";
    /// A scenario the browser did not store.
    SCENARIO_NOT_SAVED = "scenario-not-saved": "Scenario “{ $name }” not saved: { $why }.";
    /// Why: the quota reached.
    SCENARIO_STORAGE_FULL = "scenario-storage-full": "browser storage is full: the scenario was not saved. Export your scenarios to a file, or delete some";
    /// A saved scenario the browser did not delete.
    SCENARIO_NOT_DELETED = "scenario-not-deleted": "Not deleted: { $why }.";
    /// An unreadable entry the browser did not remove.
    ENTRY_NOT_REMOVED = "entry-not-removed": "Not removed: { $why }.";
    /// A rename refused: another tab changed the scenario.
    NOT_RENAMED_ELSEWHERE = "not-renamed-elsewhere": "“{ $name }” not renamed: { $why }.";
    /// At start: saved scenario entries that could not be read.
    ENTRIES_UNREADABLE = "entries-unreadable": "Saved scenario entries that could not be read: { $count }. They are listed under Scenarios, where you can download or remove them.";
    /// Why an entry could not be read: its key.
    ENTRY_KEY_NOT_OURS = "entry-key-not-ours": "its key is not one this app writes";
    /// Why an entry could not be read: the browser's storage did not give it.
    ENTRY_NOT_RETURNED = "entry-not-returned": "the browser did not return it";
    /// Why a scenario's name is refused.
    NAME_TOO_LONG = "name-too-long": "the name is { $count } characters long; at most { $max }";
    /// A scenario refused (`why`: the reason).
    NOT_SAVED = "not-saved": "Scenario not saved: { $why }.";
    /// A rename refused (`why`: the reason).
    NOT_RENAMED = "not-renamed": "Not renamed: { $why }.";
    /// A rename to an empty name refused.
    NEEDS_NAME = "needs-name": "A scenario needs a name: not renamed.";
    /// One scenario too many ticked for comparison.
    COMPARE_LIMIT = "compare-limit": "Up to { $count } scenarios can be compared at once.";
    /// A scenario saved without a name (`id`: its number).
    UNTITLED = "untitled-scenario": "Untitled scenario #{ $id }";
    /// A duplicated scenario's name.
    COPY_NAME = "copy-name": "{ $name } (copy)";
    /// Why: deleted there.
    DELETED_ELSEWHERE = "deleted-elsewhere": "it was deleted in another tab";
    /// Why: changed there.
    CHANGED_ELSEWHERE = "changed-elsewhere": "it was changed in another tab; the list now shows it as it is";

    // The charts' titles, labels for screen readers and tables, and the groups' short names.
    /// A group's short name (legends, badges, columns).
    LDCS = "ldcs": "LDCs";
    /// A group's short name.
    DEVELOPED = "developed": "Developed";
    /// A group's short name: the developing economies that are not LDCs.
    OTHER_DEVELOPING = "other-developing": "Other developing";
    /// A group's short name (the UN M49 classification).
    DEVELOPED_M49 = "developed-m49": "Developed (M49)";
    /// A group's short name (the UN M49 classification).
    DEVELOPING_M49 = "developing-m49": "Developing (M49)";
    /// A group's name in a tight column header (at most 7 characters).
    DEVELOPED_ABBREV = "developed-abbrev": "Dev.";
    /// A group's name in a tight column header (at most 7 characters): other developing.
    OTHER_DEVELOPING_ABBREV = "other-developing-abbrev": "Oth. dev.";
    /// A chart's subtitle: the weights, changed (`weights` lists "ICT 20 % · Skills 20 %").
    WEIGHTS_CHANGED_LINE = "weights-changed-line": "Weights (changed): { $weights }";
    /// A chart's subtitle: the publisher's weights.
    PUBLISHED_WEIGHTS_LINE = "published-weights-line": "Published weights: { $weights }";
    /// The ranking chart's title (`index` is the index's title).
    BARS_TITLE = "bars-title": "{ $index } by country, { $year }";
    /// The ranking chart, for screen readers, with its first and last bars.
    BARS_LABEL_ENDS = "bars-label-ends": "Bar chart of { $index } scores, best first: { $first } { $first_score } to { $last } { $last_score }";
    /// The ranking chart, for screen readers.
    BARS_LABEL = "bars-label": "Bar chart of { $index } scores, best first";
    /// The gap chart's title (`groups` lists the groups).
    GAP_CHART_TITLE = "gap-chart-title": "Mean score of { $groups } on the index and each pillar, { $year }";
    /// The gap chart, for screen readers (`marks` says each group's mark).
    GAP_CHART_LABEL = "gap-chart-label": "Bars of each group's mean score per pillar: { $marks }";
    /// The distribution chart's title.
    STRIPS_TITLE = "strips-title": "Distribution of { $index } scores by group, { $year }";
    /// The distribution chart, for screen readers.
    STRIPS_LABEL = "strips-label": "Strip plot of scores by group, bars marking medians: { $marks }, others as grey dots";
    /// A column of the distribution chart's table: how many units.
    UNITS = "units": "Units";
    /// In the trend chart's title, for the index itself ("Mean index score of …").
    INDEX_WORD = "index-word": "index";
    /// A column of the trend chart's table, more than two groups.
    SHARE_OF_GROUP = "share-of-group": "{ $group } as a share of { $of }";
    /// The trend chart's title, two groups (`what` is "index" or a pillar; `span` "2019–2024").
    TREND_GAP_TITLE = "trend-gap-title": "Mean { $what } score of { $groups }, and the gap, { $span }";
    /// The trend chart's title.
    TREND_CHART_TITLE = "trend-chart-title": "Mean { $what } score of { $groups }, { $span }";
    /// The trend chart, for screen readers.
    TREND_CHART_LABEL = "trend-chart-label": "Line chart of each group's mean { $what } score over the years: { $marks }";
    /// The performers chart's title.
    SCATTER_TITLE = "scatter-title": "{ $index } score against GDP per capita (PPP), { $year }";
    /// The performers chart, for screen readers (`a` and `b` are the groups marked).
    SCATTER_LABEL = "scatter-label": "Scatter plot of { $index } scores against GDP per capita (PPP, log scale) with the fitted line; { $a } as triangles, { $b } as circles";
    /// A group's mark, for screen readers ("LDCs as filled triangles").
    MARKED_AS = "marked-as": "{ $group } as { $shape }";
    /// The first group's mark.
    FILLED_TRIANGLES = "filled-triangles": "filled triangles";
    /// The second group's mark.
    OPEN_CIRCLES = "open-circles": "open circles";
    /// The third group's mark.
    FILLED_SQUARES = "filled-squares": "filled squares";
    /// The fourth group's mark.
    OPEN_DIAMONDS = "open-diamonds": "open diamonds";
    /// The fifth group's mark.
    FILLED_DOWN_TRIANGLES = "filled-down-triangles": "filled downward triangles";
    /// The sixth group's mark.
    CROSSES = "crosses": "crosses";
    /// The profile: a country's rank on an indicator.
    RANK_OF_COUNT = "rank-of-count": "rank { $rank } of { $count }";
    /// The profile's facts: its rank and score.
    PROFILE_FACTS = "profile-facts": "Rank { $rank } of { $count } · score { $score }";
}
