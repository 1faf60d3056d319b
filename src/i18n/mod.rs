//! The words outturn writes around a council's own, in each language a site
//! is published in: navigation, headings, labels, buttons and sentences.
//!
//! They live in Fluent files, one per language (`en-GB.ftl`, `cy.ftl`), that a
//! council's translation unit can read and correct without reading Rust; each
//! message has a comment saying where it shows. The files are compiled into
//! the binary, so any site builds without them. Templates ask for a message by
//! its id with `t("nav-reports")` (see `templates::translate`); Rust asks with
//! [`message`].
//!
//! What a message file cannot say (a month's name after `i`, which Welsh
//! softens) is written in Rust: [`welsh`] has the grammar, and periods and
//! dates write themselves in a language with `label_in` and `long_in`.

pub mod phrase;
pub mod welsh;

pub use phrase::{Phrase, list, word};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use std::borrow::Cow;
use std::fmt;
use std::sync::LazyLock;

/// A language outturn can write its own words in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Language {
    /// British English, the language of every site's root.
    English,
    /// Welsh, for the Welsh Language Standards.
    Welsh,
}

impl Language {
    /// Every language, English first.
    pub const ALL: [Language; 2] = [Language::English, Language::Welsh];

    /// The language of a page whose `lang` is `tag`: Welsh for `cy` (and
    /// `cy-GB`), English for any other, as English is all outturn had before.
    pub fn of_tag(tag: &str) -> Language {
        let primary = tag.split('-').next().unwrap_or("");
        if primary.eq_ignore_ascii_case("cy") {
            Language::Welsh
        } else {
            Language::English
        }
    }

    /// The language a `[translations.CODE]` table in site.toml adds, if
    /// outturn can write it.
    pub fn of_translation(code: &str) -> Option<Language> {
        (code == "cy").then_some(Language::Welsh)
    }

    /// The BCP 47 tag of the language's message file and of its pages' `lang`.
    pub fn tag(self) -> &'static str {
        match self {
            Language::English => "en-GB",
            Language::Welsh => "cy",
        }
    }

    /// The language's name for itself, as a link to the page in it says it.
    pub fn autonym(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::Welsh => "Cymraeg",
        }
    }

    /// The language's message file, as compiled in.
    pub fn resource(self) -> &'static str {
        match self {
            Language::English => include_str!("en-GB.ftl"),
            Language::Welsh => include_str!("cy.ftl"),
        }
    }

    /// Its place in [`Language::ALL`], for tables made once per language.
    pub fn index(self) -> usize {
        match self {
            Language::English => 0,
            Language::Welsh => 1,
        }
    }
}

/// A message that could not be written: it is not in the language's file, or
/// it needs an argument it was not given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageError {
    /// The message's id.
    pub id: String,
    /// The language's tag.
    pub language: &'static str,
    /// What went wrong, for the person who asked.
    pub why: String,
}

impl fmt::Display for MessageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "message `{}` in {}.ftl: {}",
            self.id, self.language, self.why
        )
    }
}

impl std::error::Error for MessageError {}

/// Whether a message is written into plain text or into HTML.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// As written in the file.
    Text,
    /// With the message's own `& < > "` escaped, so a translator may write
    /// them; its arguments must come escaped already. An apostrophe is left
    /// as it is: the theme quotes attributes with `"`.
    Html,
}

type Bundle = FluentBundle<FluentResource>;

/// Each language's bundle, once for text and once for HTML. Read-only once
/// made: rendering threads share it.
static BUNDLES: LazyLock<[[Bundle; 2]; 2]> = LazyLock::new(|| {
    Language::ALL.map(|language| {
        [
            bundle(language, Target::Text),
            bundle(language, Target::Html),
        ]
    })
});

fn bundle(language: Language, target: Target) -> Bundle {
    let tag = language
        .tag()
        .parse()
        .expect("the languages' tags are valid BCP 47");
    let resource = FluentResource::try_new(language.resource().to_string())
        .unwrap_or_else(|(_, errors)| panic!("{}.ftl does not parse: {errors:?}", language.tag()));
    let mut bundle = Bundle::new_concurrent(vec![tag]);
    // Unicode isolation marks around arguments would change every page's
    // bytes; the arguments here are names and numbers in the page's language.
    bundle.set_use_isolating(false);
    if target == Target::Html {
        bundle.set_transform(Some(escape_text));
    }
    bundle
        .add_resource(resource)
        .unwrap_or_else(|errors| panic!("{}.ftl repeats a message: {errors:?}", language.tag()));
    bundle
}

/// The message text's `& < > "` as HTML entities.
fn escape_text(text: &str) -> Cow<'_, str> {
    if !text.contains(['&', '<', '>', '"']) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Message `id` in `language`, with `args` in its placeholders.
pub fn message(
    language: Language,
    id: &str,
    args: Option<&FluentArgs<'_>>,
) -> Result<String, MessageError> {
    write(language, Target::Text, id, args)
}

/// Message `id`, which has no gaps, in `language`: a word for Rust to place,
/// such as a menu entry. Its id if the file lacks it, which a test rules out.
pub fn text(language: Language, id: &str) -> String {
    message(language, id, None).unwrap_or_else(|_| id.to_string())
}

/// Message `id` in `language` for `target`, with `args` in its placeholders.
pub fn write(
    language: Language,
    target: Target,
    id: &str,
    args: Option<&FluentArgs<'_>>,
) -> Result<String, MessageError> {
    let bundle = &BUNDLES[language.index()][usize::from(target == Target::Html)];
    let error = |why: String| MessageError {
        id: id.to_string(),
        language: language.tag(),
        why,
    };
    let pattern = bundle
        .get_message(id)
        .and_then(|message| message.value())
        .ok_or_else(|| error("there is no such message".into()))?;
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, args, &mut errors);
    match errors.first() {
        None => Ok(text.into_owned()),
        Some(e) => Err(error(e.to_string())),
    }
}

/// A message with one gap, `$n`, split at it: the words before a figure and
/// after it, read from the message file once, so that a figure written many
/// times (every cell of every table) is placed between them without asking
/// Fluent each time. `count` chooses the plural form.
#[derive(Debug, Clone)]
pub struct Around {
    before: String,
    after: String,
}

impl Around {
    /// Message `id` of `language` around a figure whose plural form is `count`'s.
    pub fn of(language: Language, id: &str, count: i64) -> Around {
        const GAP: &str = "\u{E000}";
        let mut args = FluentArgs::new();
        args.set("n", GAP);
        args.set("count", count);
        let text = message(language, id, Some(&args))
            .unwrap_or_else(|e| panic!("{e}: a test checks each language has it"));
        let (before, after) = text.split_once(GAP).unwrap_or_else(|| {
            panic!("message `{id}` in {}.ftl has no `{{ $n }}`", language.tag())
        });
        Around {
            before: before.to_string(),
            after: after.to_string(),
        }
    }

    /// `figure` between the message's words.
    pub fn around(&self, figure: &str) -> String {
        let mut out = String::with_capacity(self.before.len() + figure.len() + self.after.len());
        out.push_str(&self.before);
        out.push_str(figure);
        out.push_str(&self.after);
        out
    }
}

/// The ids of the messages in `language`'s file, in the file's order: the
/// lines that start with an identifier and ` =`.
pub fn ids(language: Language) -> Vec<&'static str> {
    language
        .resource()
        .lines()
        .filter_map(|line| line.split_once(" ="))
        .map(|(id, _)| id)
        .filter(|id| {
            id.starts_with(|c: char| c.is_ascii_alphabetic())
                && id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        })
        .collect()
}

#[cfg(test)]
mod tests;
