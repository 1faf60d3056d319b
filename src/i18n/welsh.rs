//! Welsh grammar a message file cannot say: month names, and the soft
//! mutation a word takes after `i` ("to"), as in "Hydref i Ragfyr 2024".
//!
//! Fluent chooses between written-out forms; it cannot change the first
//! letter of a word it is given. A period's label is made of month names it
//! is given, so the mutation is made here.

/// The months in Welsh, January first.
pub const MONTHS: [&str; 12] = [
    "Ionawr",
    "Chwefror",
    "Mawrth",
    "Ebrill",
    "Mai",
    "Mehefin",
    "Gorffennaf",
    "Awst",
    "Medi",
    "Hydref",
    "Tachwedd",
    "Rhagfyr",
];

/// `word` with the soft mutation (treiglad meddal), as after `i`, `o`, `am`
/// and many more: c→g, p→b, t→d, g→(none), b→f, d→dd, ll→l, m→f, rh→r.
/// `ch`, `ph` and `th` do not mutate, nor does a vowel, `h`, `f`, `n` or `s`.
/// A capital stays a capital: Gorffennaf → Orffennaf.
pub fn soft_mutation(word: &str) -> String {
    let lower = word.to_lowercase();
    let (strip, add) = if ["ch", "ph", "th"].iter().any(|p| lower.starts_with(p)) {
        (0, "")
    } else if lower.starts_with("ll") {
        (2, "l")
    } else if lower.starts_with("rh") {
        (2, "r")
    } else {
        match lower.chars().next() {
            Some('c') => (1, "g"),
            Some('p') => (1, "b"),
            Some('t') => (1, "d"),
            Some('g') => (1, ""),
            Some('b') => (1, "f"),
            Some('d') => (1, "dd"),
            Some('m') => (1, "f"),
            _ => (0, ""),
        }
    };
    if strip == 0 {
        return word.to_string();
    }
    let rest: String = word.chars().skip(strip).collect();
    let capital = word.starts_with(char::is_uppercase);
    let mutated = format!("{add}{rest}");
    if capital {
        capitalise(&mutated)
    } else {
        mutated
    }
}

/// `word` with the aspirate mutation (treiglad llaes), as after `a` (and),
/// `â` and `gyda`: c→ch, p→ph, t→th; `ch`, `ph` and `th` stay as they are.
pub fn aspirate_mutation(word: &str) -> String {
    let lower = word.to_lowercase();
    if ["ch", "ph", "th"].iter().any(|p| lower.starts_with(p))
        || !lower.starts_with(['c', 'p', 't'])
    {
        return word.to_string();
    }
    let mut chars = word.chars();
    let first = chars.next().unwrap_or_default();
    format!("{first}h{}", chars.as_str())
}

/// Whether `word` begins with a vowel, so that `a` (and) is `ac` before it.
pub fn starts_with_vowel(word: &str) -> bool {
    word.to_lowercase().starts_with([
        'a', 'e', 'i', 'o', 'u', 'w', 'y', 'â', 'ê', 'î', 'ô', 'û', 'ŵ', 'ŷ',
    ])
}

/// `text` with its first letter a capital.
fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn and_takes_the_aspirate_mutation_and_ac_before_a_vowel() {
        assert_eq!(aspirate_mutation("Cymru"), "Chymru");
        assert_eq!(aspirate_mutation("Powys"), "Phowys");
        assert_eq!(aspirate_mutation("Torfaen"), "Thorfaen");
        assert_eq!(aspirate_mutation("Cheredigion"), "Cheredigion");
        assert_eq!(aspirate_mutation("Lloegr"), "Lloegr");
        assert!(starts_with_vowel("Awdurdodau tebyg"));
        assert!(starts_with_vowel("Ynys Môn"));
        assert!(!starts_with_vowel("Lloegr"));
    }

    #[test]
    fn every_month_after_i_takes_the_soft_mutation_it_should() {
        let after_i: Vec<String> = MONTHS.iter().map(|m| soft_mutation(m)).collect();
        assert_eq!(
            after_i,
            [
                "Ionawr",
                "Chwefror",
                "Fawrth",
                "Ebrill",
                "Fai",
                "Fehefin",
                "Orffennaf",
                "Awst",
                "Fedi",
                "Hydref",
                "Dachwedd",
                "Ragfyr",
            ]
        );
    }

    #[test]
    fn mutates_each_letter_that_takes_the_soft_mutation() {
        let cases = [
            ("Caerdydd", "Gaerdydd"),
            ("pen", "ben"),
            ("tref", "dref"),
            ("gardd", "ardd"),
            ("bore", "fore"),
            ("dydd", "ddydd"),
            ("Llandudno", "Landudno"),
            ("mis", "fis"),
            ("Rhyl", "Ryl"),
            ("Rhagfyr", "Ragfyr"),
        ];
        for (word, mutated) in cases {
            assert_eq!(soft_mutation(word), mutated, "{word}");
        }
    }

    #[test]
    fn leaves_what_does_not_mutate() {
        for word in [
            "Chwefror", "Thema", "Pheidio", "Hydref", "Ionawr", "nos", "Sul", "ffordd", "",
        ] {
            assert_eq!(soft_mutation(word), word);
        }
    }
}
