//! The allow-lists of the raw HTML policy: which elements and attributes a
//! report or page may use, and which link and image addresses.

/// The elements raw HTML may use.
pub const ELEMENTS: &[&str] = &[
    "a",
    "abbr",
    "aside",
    "b",
    "bdi",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "col",
    "colgroup",
    "data",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "samp",
    "section",
    "small",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "u",
    "ul",
    "var",
    "wbr",
];

/// The ids the theme gives parts of its pages: an id is unique on a page,
/// so raw HTML may not take one (`id="main"` would break the skip link).
pub const THEME_IDS: &[&str] = &[
    "main",
    "content",
    "top",
    "contents-title",
    "symbols-title",
    "key-figures-title",
    "definition",
    "history",
    "latest",
    "latest-caption",
    "latest-changes",
    "reports",
    "updates-title",
];

/// The starts of the numbered ids outturn and the theme give charts,
/// tables and their parts: `figure-3`, `figure-3-note-1`, `table-2-caption`,
/// `theme-1`, `compare-caption-4`. Each is followed by a digit.
pub const THEME_ID_PREFIXES: &[&str] = &[
    "figure-",
    "table-",
    "theme-",
    "compare-caption-",
    "compare-hint-",
];

/// Whether raw HTML's `id` would be one the theme or outturn gives.
pub fn theme_id(id: &str) -> bool {
    THEME_IDS.contains(&id)
        || THEME_ID_PREFIXES.iter().any(|prefix| {
            id.strip_prefix(prefix)
                .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
        })
}

/// Attributes any allowed element may have, besides `aria-*` and `data-*`.
pub const GLOBAL_ATTRIBUTES: &[&str] = &["class", "id", "title", "lang", "dir", "role", "hidden"];

/// Attributes particular elements may have.
pub fn element_attributes(element: &str) -> &'static [&'static str] {
    match element {
        "a" => &["href", "hreflang", "rel"],
        "img" => &["src", "alt", "width", "height", "loading", "decoding"],
        "td" | "th" => &["colspan", "rowspan", "headers", "scope", "abbr"],
        "col" | "colgroup" => &["span"],
        "ol" => &["start", "reversed", "type"],
        "li" | "data" => &["value"],
        "time" => &["datetime"],
        "del" | "ins" => &["cite", "datetime"],
        "q" | "blockquote" => &["cite"],
        "details" => &["open"],
        _ => &[],
    }
}

pub(super) const URL_HELP: &str =
    "link to an http:, https:, mailto: or tel: address, or to a page of the site";

/// Why `url` may not be a link (or, when `image`, an image's address).
pub fn bad_url(url: &str, image: bool) -> Option<String> {
    let scheme = scheme(url)?;
    let ok = matches!(scheme.as_str(), "http" | "https" | "mailto" | "tel")
        || (image && scheme == "data" && safe_data_image(url));
    (!ok).then(|| format!("a `{scheme}:` address is not allowed in a report or page"))
}

/// The scheme of `url` as a browser reads it (tabs and line breaks taken
/// out, leading spaces and controls ignored), lower case; `None` for a
/// relative address.
fn scheme(url: &str) -> Option<String> {
    let url: String = url
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let colon = url.find(':')?;
    let scheme = &url[..colon];
    let mut chars = scheme.chars();
    let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then(|| scheme.to_ascii_lowercase())
}

/// A raster image written into the page: it cannot run anything.
fn safe_data_image(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    ["png", "gif", "jpeg", "webp"]
        .iter()
        .any(|kind| lower.starts_with(&format!("data:image/{kind}")))
}
