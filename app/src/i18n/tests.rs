//! The languages' files against the messages: the English reference written from the code,
//! each translation read without problems, no unknown ids, no arguments the English lacks,
//! and the untranslated messages listed per language (`app/i18n/UNTRANSLATED.md`).
//! `UPDATE_I18N=1 cargo test -p app i18n` writes the reference and the list again.

use std::collections::BTreeSet;
use std::path::PathBuf;

use fluent_bundle::FluentResource;
use fluent_syntax::ast::Entry;

use super::fluent::Messages;
use super::messages::{Msg, ALL};
use super::*;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("i18n")
}

fn updating() -> bool {
    std::env::var_os("UPDATE_I18N").is_some()
}

/// The English reference file, from [`ALL`].
fn reference() -> String {
    let mut out = String::from(
        "# Index Explorer's interface texts in English: the reference for translators.\n\
         # Written from app/src/i18n/messages.rs (UPDATE_I18N=1 cargo test -p app i18n); do not edit.\n\n",
    );
    for m in ALL {
        out.push_str(&format!("{} = {}\n", m.id, m.en));
    }
    out
}

/// Checks `path`'s text is `want`, or writes it when updating.
fn check_file(path: &std::path::Path, want: &str) {
    if updating() {
        std::fs::write(path, want).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        return;
    }
    let have = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        have == want,
        "{} is out of date: run UPDATE_I18N=1 cargo test -p app i18n",
        path.display()
    );
}

/// The message ids a Fluent text defines.
fn ids(ftl: &str) -> BTreeSet<String> {
    let resource = FluentResource::try_new(ftl.to_string()).unwrap_or_else(|(r, _)| r);
    resource
        .entries()
        .filter_map(|e| match e {
            Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}

/// Sample arguments for `m`: each a text, or a count where the name says one.
fn sample_args(m: &Msg) -> Vec<(&'static str, Arg)> {
    m.arguments()
        .into_iter()
        .map(|a| {
            let arg = if a == "count" {
                Arg::Count(3.0)
            } else {
                Arg::Text("X".into())
            };
            (a, arg)
        })
        .collect()
}

#[test]
fn message_ids_are_unique_and_the_reference_is_up_to_date() {
    let mut seen = BTreeSet::new();
    for m in ALL {
        assert!(seen.insert(m.id), "{} is declared twice", m.id);
        assert!(!m.en.contains('\n'), "{}: one line", m.id);
    }
    let reference = reference();
    // The reference reads as Fluent, and formats each English text as the code does.
    let (english, problems) = Messages::new("en", reference.clone());
    assert!(problems.is_empty(), "{problems:?}");
    for m in ALL {
        let args = sample_args(m);
        assert_eq!(
            english.format(m.id, &args),
            Some(m.english(&args)),
            "{}",
            m.id
        );
    }
    check_file(&dir().join("en.ftl"), &reference);
}

#[test]
fn every_translation_reads_and_the_untranslated_are_listed() {
    let known: BTreeSet<String> = ALL.iter().map(|m| m.id.to_string()).collect();
    let mut listing = String::from(
        "# Messages not yet translated\n\n\
         Each language's messages that its file lacks: the page shows them in English. Written by \
         app/src/i18n/tests.rs (UPDATE_I18N=1 cargo test -p app i18n).\n\n\
         Only the texts that are messages (app/src/i18n/messages.rs) are counted: so far the \
         header, the weights, the method's labels and options, the ranking, the gap panel, every year, the \
         page's frame, every panel below the explorer with its notices, what the view model \
         writes (the charts' titles, subtitles' weights, screen-reader labels and tables, the \
         analyses' sentences, the performers' coverage, the profile's facts, the world map's \
         hovers, the choices' names, the groups' short names, the framework editor's refusals), \
         the reasons the browser keeps no import (app/src/persist/mine.rs), the saved scenarios' \
         notices (app/src/persist/library.rs), the loader's notices and failures, at start too, \
         and why a file of the site could not be fetched (app/src/loader.rs), the embed page's \
         notices, the inputs' notices and refusals of a year, a group, a weight, the weights or \
         a method (app/src/state/inputs.rs, and a weight field's), the years left out, the page's \
         words on a background worker that could not start or failed (app/src/worker_client.rs), \
         the method's line in the header and the charts' subtitles (view_model::method_line), \
         the source lines' own words (view_model::source_line_with; the sources themselves are \
         the publishers' words) \
         and the texts the charts draw. Still English in every language: the browser's own words \
         within them (why a fetch or a worker failed), the benchmark page's, and what the engine \
         and the worker write (an analysis plan's description, a dataset's own \
         normalisation when it is not one offered, the reasons a country is \
         unscored or a change cannot be split, why a saved scenario cannot be read, why a part \
         of a link or a scenario, a weight or a method was refused, why a year could not be \
         prepared, an import's report lines, why a job failed in the worker, errors from the \
         data, a file's reader's words on why it is not a bundle or a catalogue).\n",
    );
    for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
        let path = dir().join(format!("{}.ftl", lang.code()));
        let ftl =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let (messages, problems) = Messages::new(lang.code(), ftl.clone());
        assert!(problems.is_empty(), "{}: {problems:?}", path.display());
        let have = ids(&ftl);
        let unknown: Vec<_> = have.difference(&known).collect();
        assert!(
            unknown.is_empty(),
            "{}: ids not in messages.rs: {unknown:?}",
            path.display()
        );
        for m in ALL.iter().filter(|m| have.contains(m.id)) {
            // Every argument the English gives is enough for the translation: it uses no other.
            let text = messages.format(m.id, &sample_args(m));
            assert!(
                text.is_some(),
                "{}: {} uses an argument the English does not give",
                path.display(),
                m.id
            );
        }
        let missing: Vec<&str> = ALL
            .iter()
            .filter(|m| !have.contains(m.id))
            .map(|m| m.id)
            .collect();
        listing.push_str(&format!(
            "\n## {} ({}): {} of {} untranslated\n\n",
            lang.native_name(),
            lang.code(),
            missing.len(),
            ALL.len()
        ));
        for id in missing {
            listing.push_str(&format!("- `{id}`\n"));
        }
    }
    check_file(&dir().join("UNTRANSLATED.md"), &listing);
}

#[test]
fn english_texts_take_their_arguments() {
    let m = Msg {
        id: "t",
        en: "{ $unit } moved from { $from } to { $to }",
    };
    assert_eq!(m.arguments(), ["unit", "from", "to"]);
    let args = [
        ("unit", Arg::from("Kenya")),
        ("from", Arg::from(98usize)),
        ("to", Arg::from("91")),
    ];
    assert_eq!(m.english(&args), "Kenya moved from 98 to 91");
    // An argument not given stays as written.
    assert_eq!(m.english(&[]), m.en);
}

#[test]
fn languages_from_tags_and_preferences() {
    assert_eq!(Lang::from_tag("fr-CA"), Some(Lang::Fr));
    assert_eq!(Lang::from_tag("ZH_hans"), Some(Lang::Zh));
    assert_eq!(Lang::from_tag("de"), None);
    assert_eq!(Lang::preferred(["de-DE", "es", "fr"]), Lang::Es);
    assert_eq!(Lang::preferred(["de-DE"]), Lang::En);
    assert_eq!(Lang::preferred(Vec::<String>::new()), Lang::En);
    assert!(Lang::Ar.rtl() && !Lang::Fr.rtl());
}

#[test]
fn numbers_follow_the_language() {
    // As Chromium's Intl writes 12345.6 and 1234 in French, Spanish and Russian.
    let fr = NumberStyle::from_samples("12\u{202f}345,6", "1\u{202f}234");
    assert_eq!(fr.apply("12,345.6"), "12\u{202f}345,6");
    assert_eq!(fr.apply("−0.412"), "−0,412");
    let es = NumberStyle::from_samples("12.345,6", "1234");
    assert_eq!(es.apply("1,234"), "1234");
    assert_eq!(es.apply("71,300.5"), "71.300,5");
    assert_eq!(es.apply("0.5 %"), "0,5 %");
    assert_eq!(
        NumberStyle::from_samples("12,345.6", "1,234"),
        NumberStyle::ENGLISH
    );
    // Anything unexpected is English.
    assert_eq!(
        NumberStyle::from_samples("12345.6", "1234"),
        NumberStyle::ENGLISH
    );
}

#[test]
fn a_catalogue_falls_back_to_english() {
    let (fr, problems) = Messages::new("fr", "ranking = Classement\n".into());
    assert!(problems.is_empty());
    let c = Catalogue::new(
        Lang::Fr,
        Some(std::rc::Rc::new(fr)),
        Default::default(),
        NumberStyle::ENGLISH,
    );
    assert_eq!(c.format(&messages::RANKING, &[]), "Classement");
    assert_eq!(c.format(&messages::METHOD, &[]), "Method");
    // A file with a broken line keeps the rest and names the line.
    let (_, problems) = Messages::new("fr", "ranking = Classement\n= broken\n".into());
    assert!(
        problems.iter().any(|p| p.starts_with("line 2")),
        "{problems:?}"
    );
}

#[test]
fn a_text_is_worded_when_shown_and_isolated_in_arabic() {
    // Given while the page is still English (the language's file not yet in), shown once it is.
    let notice = Text::of(&messages::LINK_NO_DATASET, vec![("dataset", "nope".into())]);
    let signed = || super::number("+3".to_string());
    assert_eq!(signed(), "+3");
    let (ar, problems) = Messages::new(
        "ar",
        "link-no-dataset = لا توجد مجموعة البيانات `{ $dataset }`.\n".into(),
    );
    assert!(problems.is_empty());
    super::set(Catalogue::new(
        Lang::Ar,
        Some(std::rc::Rc::new(ar)),
        Default::default(),
        NumberStyle::ENGLISH,
    ));
    assert_eq!(
        notice.show(),
        "لا توجد مجموعة البيانات `\u{2068}nope\u{2069}`."
    );
    // A signed number keeps its sign before it within Arabic text; others are left as they are.
    assert_eq!(signed(), "\u{2068}+3\u{2069}");
    assert_eq!(super::number("3".to_string()), "3");
    super::set(Catalogue::english());
}
