//! A language's messages read from its Fluent file by `fluent-bundle` (Project Fluent's Rust
//! runtime). Only called through [`super::Translate`] from the main module, so that its code
//! and the library's stay in the `i18n` split module.

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};

use super::{Arg, Translate};

/// A language's messages.
pub struct Messages {
    bundle: FluentBundle<FluentResource>,
}

impl Messages {
    /// Reads the Fluent text `ftl` of language `code`; with the problems found in it (each
    /// naming the line), the messages that could be read kept.
    pub fn new(code: &str, ftl: String) -> (Messages, Vec<String>) {
        let mut problems = Vec::new();
        let line_of = |text: &str, at: usize| text.get(..at).map_or(0, |s| s.lines().count());
        let resource = match FluentResource::try_new(ftl) {
            Ok(r) => r,
            Err((r, errors)) => {
                for e in errors {
                    problems.push(format!(
                        "line {}: {:?}",
                        line_of(r.source(), e.pos.start) + 1,
                        e.kind
                    ));
                }
                r
            }
        };
        let lang = code.parse().unwrap_or_default();
        let mut bundle = FluentBundle::new(vec![lang]);
        // Unicode isolation marks around arguments keep a Latin name in order within Arabic
        // text; the other languages need none.
        bundle.set_use_isolating(code == "ar");
        if let Err(errors) = bundle.add_resource(resource) {
            problems.extend(errors.into_iter().map(|e| format!("{e:?}")));
        }
        (Messages { bundle }, problems)
    }
}

impl Translate for Messages {
    fn format(&self, id: &str, args: &[(&str, Arg)]) -> Option<String> {
        let message = self.bundle.get_message(id)?;
        let pattern = message.value()?;
        let mut fluent_args = FluentArgs::new();
        for (name, arg) in args {
            match arg {
                Arg::Text(s) => fluent_args.set(*name, s.clone()),
                Arg::Count(n) => fluent_args.set(*name, *n),
            }
        }
        let mut errors = Vec::new();
        let text = self
            .bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors);
        errors.is_empty().then(|| text.into_owned())
    }
}
