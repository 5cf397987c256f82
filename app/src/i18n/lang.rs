//! The six languages: codes, names in themselves, direction, and which one a browser prefers.
//! Pure (the URL fuzz target compiles it from source with the link reader).

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// Arabic (right to left).
    Ar,
    /// Chinese (simplified).
    Zh,
    /// English, the default and every message's fallback.
    #[default]
    En,
    /// French.
    Fr,
    /// Russian.
    Ru,
    /// Spanish.
    Es,
}

impl Lang {
    /// The six, in the UN's order (the English alphabetical order of their names).
    pub const ALL: [Lang; 6] = [Lang::Ar, Lang::Zh, Lang::En, Lang::Fr, Lang::Ru, Lang::Es];

    /// The language's code in links, files and the page's `lang` attribute.
    pub const fn code(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::Zh => "zh",
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Ru => "ru",
            Lang::Es => "es",
        }
    }

    /// The language's name in itself, as the language picker shows it.
    pub const fn native_name(self) -> &'static str {
        match self {
            Lang::Ar => "العربية",
            Lang::Zh => "中文",
            Lang::En => "English",
            Lang::Fr => "Français",
            Lang::Ru => "Русский",
            Lang::Es => "Español",
        }
    }

    /// Whether it is written right to left.
    pub const fn rtl(self) -> bool {
        matches!(self, Lang::Ar)
    }

    /// The language a tag names (`fr`, `fr-CA`, `zh-Hans-CN`; any case), if one of the six.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.trim().to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The first of `preferred` (the browser's languages, most preferred first) that is one
    /// of the six, else English.
    pub fn preferred<S: AsRef<str>>(preferred: impl IntoIterator<Item = S>) -> Lang {
        preferred
            .into_iter()
            .find_map(|t| Lang::from_tag(t.as_ref()))
            .unwrap_or_default()
    }
}
