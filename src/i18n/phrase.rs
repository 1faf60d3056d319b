//! A sentence of a chart or table, written from a message and its gaps, and
//! the words that are written often enough to be looked up once.
//!
//! Where a gap follows a preposition, Welsh mutates the word after it, which
//! a message file cannot do: a period or name given to [`Phrase::period`],
//! [`Phrase::earlier`], [`Phrase::last`] or [`Phrase::areas`] fills its own
//! gap and the gaps the Welsh file uses instead, with the preposition
//! already before it and the mutation made ([`super::welsh`]).

use super::{Language, message, welsh};
use fluent_bundle::{FluentArgs, FluentValue};
use std::collections::HashMap;
use std::sync::LazyLock;

/// A message to write, with its gaps filled as they are given.
pub struct Phrase<'a> {
    language: Language,
    id: &'static str,
    args: FluentArgs<'a>,
}

impl<'a> Phrase<'a> {
    /// Message `id` in `language`.
    pub fn new(language: Language, id: &'static str) -> Phrase<'a> {
        Phrase {
            language,
            id,
            args: FluentArgs::new(),
        }
    }

    /// The language it is written in.
    pub fn language(&self) -> Language {
        self.language
    }

    /// The same gaps, for message `id` instead.
    pub fn id(self, id: &'static str) -> Phrase<'a> {
        Phrase { id, ..self }
    }

    /// Gap `name` filled with `value`: text as it is, a number to choose a
    /// plural by.
    pub fn arg(mut self, name: &'static str, value: impl Into<FluentValue<'a>>) -> Phrase<'a> {
        self.args.set(name, value);
        self
    }

    /// Gap `period` filled with a period's (or place's) label, and
    /// `in_period` with it after "in": Welsh `ym mis Mehefin 2023`, `yng
    /// Nghymru`.
    pub fn period(self, label: &'a str) -> Phrase<'a> {
        let said = self.after_in(label);
        self.arg("period", label).arg("in_period", said)
    }

    /// As [`Phrase::period`], for an earlier period: gaps `earlier` and
    /// `in_earlier`.
    pub fn earlier(self, label: &'a str) -> Phrase<'a> {
        let said = self.after_in(label);
        self.arg("earlier", label).arg("in_earlier", said)
    }

    /// `label` after "in", as the Welsh file needs it; English places "in"
    /// in its messages.
    fn after_in(&self, label: &str) -> String {
        match self.language {
            Language::Welsh => welsh::yn(label),
            Language::English => label.to_string(),
        }
    }

    /// Gap `last` filled with the last of two or more, and `and_last` and
    /// `to_last` with it after "and" and "to": Welsh `a Chaerdydd`, `i
    /// Fehefin 2023`.
    pub fn last(self, label: &'a str) -> Phrase<'a> {
        let (and, to) = match self.language {
            Language::Welsh => (welsh::and(label), welsh::to(label)),
            Language::English => (label.to_string(), label.to_string()),
        };
        self.arg("last", label)
            .arg("and_last", and)
            .arg("to_last", to)
    }

    /// Gap `areas` filled with a list of areas and their figures, and
    /// `than_areas` and `as_areas` with it after "than" and "as": Welsh `na
    /// Chymru (26)`, `â Chymru (26)`.
    pub fn areas(self, list: String) -> Phrase<'a> {
        let (than, as_) = match self.language {
            Language::Welsh => (welsh::than(&list), welsh::as_(&list)),
            Language::English => (list.clone(), list.clone()),
        };
        self.arg("than_areas", than)
            .arg("as_areas", as_)
            .arg("areas", list)
    }

    /// The message written. A message missing from the language's file, which
    /// a test rules out, is written as its id.
    pub fn text(self) -> String {
        match message(self.language, self.id, Some(&self.args)) {
            Ok(text) => text,
            Err(error) => {
                debug_assert!(false, "{error}");
                self.id.to_string()
            }
        }
    }
}

/// Every message without gaps, written once per language.
static WORDS: LazyLock<[HashMap<&'static str, String>; 2]> = LazyLock::new(|| {
    Language::ALL.map(|language| {
        super::ids(language)
            .into_iter()
            .filter_map(|id| Some((id, message(language, id, None).ok()?)))
            .collect()
    })
});

/// Message `id`, which has no gaps, in `language`, written once for the
/// life of the program: for words written into every cell of a table or
/// every chart. Its id if the file lacks it, which a test rules out.
pub fn word(language: Language, id: &'static str) -> &'static str {
    let words = &WORDS[usize::from(language == Language::Welsh)];
    words.get(id).map_or(id, String::as_str)
}

/// "A", "A and B", "A, B and C" in `language`: the names but the last
/// joined by commas, and the last by message `list-and`.
pub fn list(language: Language, names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [first @ .., last] => Phrase::new(language, "list-and")
            .arg("first", first.join(", "))
            .last(last)
            .text(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_names_in_each_language() {
        let names = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let en = Language::English;
        let cy = Language::Welsh;
        assert_eq!(list(en, &[]), "");
        assert_eq!(list(en, &names(&["A"])), "A");
        assert_eq!(list(en, &names(&["A", "B"])), "A and B");
        assert_eq!(list(en, &names(&["A", "B", "C"])), "A, B and C");
        assert_eq!(
            list(cy, &names(&["Lloegr", "Abertawe"])),
            "Lloegr ac Abertawe"
        );
        assert_eq!(
            list(cy, &names(&["Lloegr", "Abertawe", "Caerdydd"])),
            "Lloegr, Abertawe a Chaerdydd"
        );
    }

    #[test]
    fn a_word_is_looked_up_once_and_is_the_message() {
        assert_eq!(word(Language::Welsh, "table-period"), "Cyfnod");
        assert_eq!(word(Language::English, "table-period"), "Period");
        assert!(std::ptr::eq(
            word(Language::Welsh, "no-figure"),
            word(Language::Welsh, "no-figure")
        ));
    }
}
