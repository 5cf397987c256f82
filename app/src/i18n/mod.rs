//! The interface's languages: the six official languages of the United Nations.
//!
//! Every interface text is a [`Msg`] ([`messages`]): a Fluent message id and its English text,
//! which the code carries (English needs nothing fetched). Another language's texts are
//! Project Fluent files, `app/i18n/<lang>.ftl` (served as `i18n/<lang>.ftl`), fetched when the
//! language is chosen and read by `fluent-bundle` in a split wasm module of its own
//! (`i18n`, see ARCHITECTURE.md, "Wasm size"), so neither the files nor the library weigh on
//! the main module. A message a language lacks falls back to English; `app/i18n/UNTRANSLATED.md`
//! lists them per language (kept by a test). Countries' names in each language come from
//! Debian's iso-codes (`data/names-<lang>.json`, written by `index data build`); numbers take
//! the language's decimal mark and digit grouping from the browser's `Intl` ([`NumberStyle`]).
//!
//! The language shown is the link's (`?lang=ar`), else the browser's first preferred one
//! among the six, else English. [`current`] and [`t`] read the one loaded; choosing another
//! loads it ([`load`]) and the explorer is drawn again in it.

pub mod fluent;
mod lang;
pub mod messages;

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

pub use lang::Lang;
pub use messages::Msg;

/// A value given to a message: a text (names, formatted numbers) or a number (for a
/// translation's plural forms).
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// Shown as it is.
    Text(String),
    /// A count, shown as a whole number; translations select plural forms on it.
    Count(f64),
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_string())
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Count(n as f64)
    }
}

impl From<u32> for Arg {
    fn from(n: u32) -> Arg {
        Arg::Count(f64::from(n))
    }
}

/// A text worded when shown, in the language shown then: a notice or a failure given before
/// the language has loaded (the loader's at start) shows in it once drawn. A text already
/// worded (`String`, `&str`) is kept as it is.
#[derive(Clone)]
pub struct Text(std::sync::Arc<dyn Fn() -> String + Send + Sync>);

impl Text {
    /// The text `word` gives when called (it reads the language then: [`t`], [`t_with`]).
    pub fn later(word: impl Fn() -> String + Send + Sync + 'static) -> Text {
        Text(std::sync::Arc::new(word))
    }

    /// Message `m` with `args`, worded when shown.
    pub fn of(m: &'static Msg, args: Vec<(&'static str, Arg)>) -> Text {
        Text::later(move || {
            let args: Vec<(&str, Arg)> = args.iter().map(|(n, a)| (*n, a.clone())).collect();
            t_with(m, &args)
        })
    }

    /// The text in the language shown.
    pub fn show(&self) -> String {
        (self.0)()
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        Text::later(move || s.clone())
    }
}

impl From<&'static str> for Text {
    fn from(s: &'static str) -> Text {
        Text::later(move || s.to_string())
    }
}

impl std::fmt::Debug for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Text({:?})", self.show())
    }
}

/// Two texts are the same when they read the same in the language shown.
impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0) || self.show() == other.show()
    }
}

/// A language's messages, read from its Fluent file (the code is in the `i18n` split module;
/// the main module only calls it through this trait).
pub trait Translate {
    /// The message `id` with `args`, or `None` when the file lacks it or it cannot be formatted.
    fn format(&self, id: &str, args: &[(&str, Arg)]) -> Option<String>;
}

/// How a language writes numbers: its decimal mark and its digit group separator, and whether
/// four-digit numbers are grouped (Spanish writes 1234 but 12 345).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberStyle {
    /// The decimal mark.
    pub decimal: char,
    /// The separator between groups of three digits.
    pub group: char,
    /// Whether a number of four digits is grouped.
    pub group_four: bool,
}

impl NumberStyle {
    /// English: `12,345.6`.
    pub const ENGLISH: NumberStyle = NumberStyle {
        decimal: '.',
        group: ',',
        group_four: true,
    };

    /// The style of a formatted sample: `sample` is 12345.6 written in the language (`12 345,6`)
    /// and `four` is 1234 (`1234` or `1 234`). Anything unexpected gives English.
    pub fn from_samples(sample: &str, four: &str) -> NumberStyle {
        let marks: Vec<char> = sample.chars().filter(|c| !c.is_ascii_digit()).collect();
        match marks.as_slice() {
            [group, decimal] if group != decimal => NumberStyle {
                decimal: *decimal,
                group: *group,
                group_four: four.chars().any(|c| !c.is_ascii_digit()),
            },
            _ => NumberStyle::ENGLISH,
        }
    }

    /// `text` (a number as the app writes it in English: `12,345.6`, `−0.41`, `12 %`) in this
    /// style.
    pub fn apply(self, text: &str) -> String {
        if self == NumberStyle::ENGLISH {
            return text.to_string();
        }
        // A four-digit whole part loses its English group mark where the language does not group it.
        let ungroup = !self.group_four && {
            let whole: String = text
                .trim_start_matches(['−', '-', '+'])
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == ',')
                .collect();
            whole.len() == 5 && whole.chars().nth(1) == Some(',')
        };
        text.chars()
            .filter_map(|c| match c {
                ',' if ungroup => None,
                ',' => Some(self.group),
                '.' => Some(self.decimal),
                c => Some(c),
            })
            .collect()
    }
}

/// The loaded language: its messages, country names and number style.
pub struct Catalogue {
    /// The language.
    pub lang: Lang,
    /// Its messages (`None` for English, and when its file could not be had).
    messages: Option<Rc<dyn Translate>>,
    /// Countries' names in it, by ISO3 code.
    names: HashMap<String, String>,
    /// How it writes numbers.
    pub numbers: NumberStyle,
}

impl Catalogue {
    /// English: the messages the code carries.
    pub fn english() -> Catalogue {
        Catalogue {
            lang: Lang::En,
            messages: None,
            names: HashMap::new(),
            numbers: NumberStyle::ENGLISH,
        }
    }

    /// A language from its parts.
    pub fn new(
        lang: Lang,
        messages: Option<Rc<dyn Translate>>,
        names: HashMap<String, String>,
        numbers: NumberStyle,
    ) -> Catalogue {
        Catalogue {
            lang,
            messages,
            names,
            numbers,
        }
    }

    /// Message `m` with `args`: the language's, else the English text with each `{ $name }`
    /// replaced by its argument.
    pub fn format(&self, m: &Msg, args: &[(&str, Arg)]) -> String {
        self.messages
            .as_ref()
            .and_then(|t| t.format(m.id, args))
            .unwrap_or_else(|| m.english(args))
    }

    /// Country `code`'s name in the language, if it has one.
    pub fn name(&self, code: &str) -> Option<&str> {
        self.names.get(code).map(String::as_str)
    }
}

thread_local! {
    static CURRENT: RefCell<Rc<Catalogue>> = RefCell::new(Rc::new(Catalogue::english()));
}

/// The language shown.
pub fn current() -> Rc<Catalogue> {
    CURRENT.with(|c| c.borrow().clone())
}

/// Shows `catalogue`'s language from now on (the explorer is then drawn again).
pub fn set(catalogue: Catalogue) {
    CURRENT.with(|c| *c.borrow_mut() = Rc::new(catalogue));
}

/// Message `m` in the language shown.
pub fn t(m: &Msg) -> String {
    current().format(m, &[])
}

/// Message `m` with its arguments in the language shown.
pub fn t_with(m: &Msg, args: &[(&str, Arg)]) -> String {
    current().format(m, args)
}

/// The name unit `unit` is shown under: its name in the language shown where the language
/// has one (countries, by ISO3 code), else its own label ([`Unit::label`]: the short name or
/// the publisher's).
pub fn label(unit: &index_core::dataset::Unit) -> String {
    CURRENT.with(|c| {
        c.borrow()
            .name(&unit.code)
            .map_or_else(|| unit.label().to_string(), str::to_string)
    })
}

/// A number as the app writes it in English, in the language shown's style; a signed one
/// ("+3", "−0.41") kept in its order within right-to-left text ([`isolate`]).
pub fn number(text: String) -> String {
    let style = CURRENT.with(|c| c.borrow().numbers);
    let text = if style == NumberStyle::ENGLISH {
        text
    } else {
        style.apply(&text)
    };
    if text.starts_with(['+', '−', '-']) {
        isolate(text)
    } else {
        text
    }
}

/// `text` inserted into the language's own (a signed number, the engine's English words) kept
/// in its order: in a right-to-left language between FIRST STRONG ISOLATE and POP DIRECTIONAL
/// ISOLATE (U+2068, U+2069), so that Arabic text neither moves a number's sign to its other
/// end nor reverses a list of English words; in the others as it is. The one place the app
/// adds isolates (Fluent adds its own around a message's arguments in Arabic).
pub fn isolate(text: String) -> String {
    if CURRENT.with(|c| c.borrow().lang.rtl()) {
        format!("\u{2068}{text}\u{2069}")
    } else {
        text
    }
}

#[cfg(target_arch = "wasm32")]
mod browser;
#[cfg(target_arch = "wasm32")]
pub use browser::{load, page_language, show_on_page};

#[cfg(test)]
mod tests;
