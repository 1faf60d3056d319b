//! What the preview adds to a page and never to `build`'s output: the
//! script that reloads it after the next rebuild, and a banner with the
//! last build's problems or warnings.

/// Adds the reload script, and `banner`, the problems of the last build if
/// it failed or its warnings if it has any.
pub(super) fn with_preview(page: &[u8], banner: &str, version: u64) -> Vec<u8> {
    let page = String::from_utf8_lossy(page);
    let script = reload_script(version);
    let page = match page.find("<body>") {
        Some(i) if !banner.is_empty() => format!(
            "{}<body>{banner}{}",
            &page[..i],
            &page[i + "<body>".len()..]
        ),
        _ => page.into_owned(),
    };
    match page.rfind("</body>") {
        Some(i) => format!("{}{script}{}", &page[..i], &page[i..]).into_bytes(),
        None => format!("{page}{script}").into_bytes(),
    }
}

/// Waits for the next build, then reloads. When the server is away, or
/// busy (too many pages waiting already), it asks again after a pause
/// rather than at once.
pub(super) fn reload_script(version: u64) -> String {
    format!(
        "<script>(function poll(){{function later(){{setTimeout(poll,2000+Math.random()*3000);}}\
fetch('/__outturn/wait?v={version}',{{cache:'no-store'}})\
.then(function(r){{if(!r.ok){{later();return;}}return r.text().then(function(v){{if(v!=='{version}'){{location.reload();}}else{{poll();}}}});}})\
.catch(later);}})();</script>"
    )
}

pub(super) fn problems_banner(problems: &str) -> String {
    format!(
        "<div role=\"alert\" style=\"background:#fff;color:#0b0c0c;border:5px solid #d4351c;padding:1rem;margin:1rem;font:1rem/1.4 system-ui,sans-serif\">\
<p style=\"font-weight:700;font-size:1.25rem;margin:0 0 .5rem\">The site has problems: this is the last good build</p>\
<p style=\"margin:0 0 .5rem\">Fix these, save, and the page will reload.</p>\
<pre style=\"white-space:pre-wrap;overflow-wrap:anywhere;margin:0\">{}</pre></div>",
        crate::escape::escape(problems)
    )
}

/// The good build's warnings: what is missing from a draft, or probably
/// not meant. Amber, not red: the pages below are this build's own.
pub(super) fn warnings_banner(count: usize, warnings: &str) -> String {
    format!(
        "<div role=\"status\" style=\"background:#fff;color:#0b0c0c;border:5px solid #f47738;padding:1rem;margin:1rem;font:1rem/1.4 system-ui,sans-serif\">\
<p style=\"font-weight:700;font-size:1.25rem;margin:0 0 .5rem\">{}: the site builds, but check {}</p>\
<p style=\"margin:0 0 .5rem\">A gap marks each figure not in the data yet. <code>outturn build</code> publishes no report with a gap.</p>\
<pre style=\"white-space:pre-wrap;overflow-wrap:anywhere;margin:0\">{}</pre></div>",
        crate::cmd::count(count, "warning", "warnings"),
        if count == 1 { "it" } else { "them" },
        crate::escape::escape(warnings)
    )
}

/// Shown when there is no good build yet to fall back on.
pub(super) fn problems_page(problems: Option<&str>, version: u64) -> Vec<u8> {
    let body = match problems {
        Some(problems) => problems_banner(problems),
        None => "<h1>Page not found</h1>".to_string(),
    };
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>outturn preview</title></head><body>{body}{}</body></html>",
        reload_script(version)
    )
    .into_bytes()
}
