//! Welsh grammar a message file cannot say: month names, the soft mutation
//! a word takes after `i` ("to"), as in "Hydref i Ragfyr 2024", and the
//! words a chart's sentences put before a name: `yn` ("in"), `a` ("and"),
//! `na` ("than") and `â` ("as"), each with the mutation it causes.
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

/// The months shortened, as a crowded chart's axis writes them: `Meh 2023`.
pub const MONTHS_SHORT: [&str; 12] = [
    "Ion", "Chwef", "Maw", "Ebr", "Mai", "Meh", "Gorff", "Awst", "Medi", "Hyd", "Tach", "Rhag",
];

/// `yn` ("in") before `phrase`, a period or a place. A month is said with
/// `mis` ("ym mis Mehefin 2023"), so its name keeps its form; any other word
/// takes the nasal mutation, and `yn` becomes `ym` or `yng` before it:
/// "yng Nghaerdydd", "ym Mhowys", "yn Nhorfaen", "yng Ngwynedd", "ym
/// Mangor", "yn Ninbych", "ym Merthyr Tudful"; "yn Chwarter 3 2024-25",
/// "yn 2024-25", "yn Ynys Môn".
pub fn yn(phrase: &str) -> String {
    if MONTHS
        .iter()
        .any(|month| phrase.split(' ').next() == Some(*month))
    {
        return format!("ym mis {phrase}");
    }
    let lower = phrase.to_lowercase();
    let (strip, before, add) = if ["ch", "ph", "th"].iter().any(|p| lower.starts_with(p)) {
        (0, "yn", "")
    } else {
        match lower.chars().next() {
            Some('c') => (1, "yng", "ngh"),
            Some('p') => (1, "ym", "mh"),
            Some('t') => (1, "yn", "nh"),
            Some('g') => (1, "yng", "ng"),
            Some('b') => (1, "ym", "m"),
            Some('d') => (1, "yn", "n"),
            Some('m') => (0, "ym", ""),
            _ => (0, "yn", ""),
        }
    };
    if strip == 0 {
        return format!("{before} {phrase}");
    }
    let rest: String = phrase.chars().skip(strip).collect();
    let mutated = format!("{add}{rest}");
    if phrase.starts_with(char::is_uppercase) {
        format!("{before} {}", capitalise(&mutated))
    } else {
        format!("{before} {mutated}")
    }
}

/// `a` ("and") before `phrase`: `ac` before a vowel ("ac Abertawe", "ac yn
/// waeth"), and the aspirate mutation after `a` ("a Chaerdydd", "a
/// Thorfaen", "a Phowys").
pub fn and(phrase: &str) -> String {
    before_aspirate(phrase, "a", "ac")
}

/// `na` ("than") before `phrase`, as after "yn well": "na Chymru", "nag
/// Abertawe".
pub fn than(phrase: &str) -> String {
    before_aspirate(phrase, "na", "nag")
}

/// `â` ("as, with") before `phrase`, as after "yr un fath": "â Chymru", "ag
/// Abertawe".
pub fn as_(phrase: &str) -> String {
    before_aspirate(phrase, "â", "ag")
}

/// `i` ("to") before `phrase`, which takes the soft mutation: "i Fehefin
/// 2023", "i Chwarter 4 2024-25", "i 2024-25".
pub fn to(phrase: &str) -> String {
    format!("i {}", soft_mutation(phrase))
}

/// `word` (`a`, `na`, `â`), or `before_vowel` (`ac`, `nag`, `ag`) where
/// `phrase` opens with a vowel, then `phrase` with the aspirate mutation:
/// c→ch, p→ph, t→th. A `w` before `r` or `l` is a consonant ("a
/// Wrecsam").
fn before_aspirate(phrase: &str, word: &str, before_vowel: &str) -> String {
    let lower = phrase.to_lowercase();
    let mut chars = lower.chars();
    let first = chars.next();
    let vowel = match first {
        Some('w') => !matches!(chars.next(), Some('r' | 'l')),
        Some(c) => "aeiouyâêîôûŵŷáéíóúàèìòù".contains(c),
        None => false,
    };
    if vowel {
        return format!("{before_vowel} {phrase}");
    }
    let aspirate = match first {
        Some('c') if !lower.starts_with("ch") => "h",
        Some('p') if !lower.starts_with("ph") => "h",
        Some('t') if !lower.starts_with("th") => "h",
        _ => "",
    };
    if aspirate.is_empty() {
        return format!("{word} {phrase}");
    }
    let mut chars = phrase.chars();
    let first: String = chars.next().into_iter().collect();
    format!("{word} {first}{aspirate}{}", chars.as_str())
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
    #[test]
    fn yn_says_a_month_with_mis_and_nasalises_anything_else() {
        let cases = [
            ("Mehefin 2023", "ym mis Mehefin 2023"),
            ("Gorffennaf 2023", "ym mis Gorffennaf 2023"),
            ("Tachwedd 2023", "ym mis Tachwedd 2023"),
            ("Ionawr 2024", "ym mis Ionawr 2024"),
            ("Chwarter 3 2024-25", "yn Chwarter 3 2024-25"),
            ("2024-25", "yn 2024-25"),
            ("Caerdydd", "yng Nghaerdydd"),
            ("Powys", "ym Mhowys"),
            ("Torfaen", "yn Nhorfaen"),
            ("Gwynedd", "yng Ngwynedd"),
            ("Bangor", "ym Mangor"),
            ("Dinbych", "yn Ninbych"),
            ("Merthyr Tudful", "ym Merthyr Tudful"),
            ("Cymru", "yng Nghymru"),
            ("Ynys Môn", "yn Ynys Môn"),
            ("Abertawe", "yn Abertawe"),
            ("Llandudno", "yn Llandudno"),
            ("Rhondda Cynon Taf", "yn Rhondda Cynon Taf"),
            ("Thurrock", "yn Thurrock"),
            ("Pheidio", "yn Pheidio"),
            ("Sir Ddinbych", "yn Sir Ddinbych"),
        ];
        for (phrase, said) in cases {
            assert_eq!(yn(phrase), said, "{phrase}");
        }
    }

    #[test]
    fn a_na_and_a_take_the_aspirate_mutation_and_a_g_before_a_vowel() {
        let cases = [
            ("Caerdydd", "a Chaerdydd", "na Chaerdydd", "â Chaerdydd"),
            ("Powys", "a Phowys", "na Phowys", "â Phowys"),
            ("Torfaen", "a Thorfaen", "na Thorfaen", "â Thorfaen"),
            ("Abertawe", "ac Abertawe", "nag Abertawe", "ag Abertawe"),
            ("Ynys Môn", "ac Ynys Môn", "nag Ynys Môn", "ag Ynys Môn"),
            ("yn waeth", "ac yn waeth", "nag yn waeth", "ag yn waeth"),
            ("Wrecsam", "a Wrecsam", "na Wrecsam", "â Wrecsam"),
            (
                "Lloegr (26)",
                "a Lloegr (26)",
                "na Lloegr (26)",
                "â Lloegr (26)",
            ),
            (
                "Chwarter 2",
                "a Chwarter 2",
                "na Chwarter 2",
                "â Chwarter 2",
            ),
            ("Thurrock", "a Thurrock", "na Thurrock", "â Thurrock"),
            ("Gwynedd", "a Gwynedd", "na Gwynedd", "â Gwynedd"),
            ("2024-25", "a 2024-25", "na 2024-25", "â 2024-25"),
        ];
        for (phrase, a, na, with) in cases {
            assert_eq!(and(phrase), a, "{phrase}");
            assert_eq!(than(phrase), na, "{phrase}");
            assert_eq!(as_(phrase), with, "{phrase}");
        }
    }

    #[test]
    fn i_softens_what_follows() {
        assert_eq!(to("Mehefin 2023"), "i Fehefin 2023");
        assert_eq!(to("Rhagfyr 2024"), "i Ragfyr 2024");
        assert_eq!(to("Gorffennaf 2023"), "i Orffennaf 2023");
        assert_eq!(to("Chwarter 4 2024-25"), "i Chwarter 4 2024-25");
        assert_eq!(to("2024-25"), "i 2024-25");
        assert_eq!(to("Ebrill 2024"), "i Ebrill 2024");
    }
}
