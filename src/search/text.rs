//! The plain text search reads from an article body.
//!
//! Derived from the body HTML on demand instead of stored in the bundle: a
//! stored copy made the 100,000-post bundle 1.1 GB instead of 630 MB. The
//! same function runs in `folio search` and in the viewer, so both see the
//! same text. It is not a sanitizer and its output is only ever matched or
//! shown as text: tags are skipped, `script`/`style` contents dropped, and
//! character references decoded (numeric ones and the few named ones that
//! serializers write).

/// Elements whose content is not text a reader sees.
const HIDDEN: &[&str] = &["script", "style", "template", "noscript"];

/// The visible text of `html`, whitespace folded to single spaces.
///
/// ```
/// use folio::search::text::body_text;
/// assert_eq!(body_text("<p>中俄&amp;<b>关系</b></p><script>x()</script><p>next</p>"), "中俄&关系 next");
/// ```
pub fn body_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    let mut pending_space = false;
    while let Some(lt) = rest.find('<') {
        push_text(&mut out, &rest[..lt], &mut pending_space);
        let tag = &rest[lt + 1..];
        let Some(gt) = tag.find('>') else {
            rest = "";
            break;
        };
        let name: String = tag[..gt]
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        rest = &tag[gt + 1..];
        // Tags separate words (`<p>a</p><p>b</p>` is "a b"), except inline
        // ones, which may sit inside a word (`中<b>俄</b>`).
        if !matches!(
            name.as_str(),
            "a" | "b"
                | "i"
                | "em"
                | "strong"
                | "span"
                | "mark"
                | "u"
                | "s"
                | "sub"
                | "sup"
                | "small"
                | "code"
                | "abbr"
        ) {
            pending_space = true;
        }
        if HIDDEN.contains(&name.as_str()) && !tag.starts_with('/') {
            rest = &rest[closing_tag(rest, &name).unwrap_or(rest.len())..];
        }
    }
    push_text(&mut out, rest, &mut pending_space);
    out
}

/// Appends the words of a text run; `pending_space` says whether a space
/// separates what is already there from what comes next.
fn push_text(out: &mut String, raw: &str, pending_space: &mut bool) {
    let decoded = decode_references(raw);
    if decoded.starts_with(char::is_whitespace) {
        *pending_space = true;
    }
    for word in decoded.split_whitespace() {
        if *pending_space && !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
        *pending_space = true;
    }
    // A run that ends without whitespace joins the next one (`中<b>俄</b>`).
    *pending_space =
        decoded.ends_with(char::is_whitespace) || (decoded.trim().is_empty() && *pending_space);
}

fn decode_references(raw: &str) -> String {
    if !raw.contains('&') {
        return raw.to_owned();
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        // References are short: look for the `;` only within reach, so a
        // body of a million `&` stays linear.
        let window = &after.as_bytes()[..after.len().min(12)];
        let end = window.iter().position(|&b| b == b';');
        let decoded = end.and_then(|end| reference(&after[..end]));
        match (end, decoded) {
            (Some(end), Some(c)) => {
                out.push(c);
                rest = &after[end + 1..];
            }
            _ => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Where `</name` starts in `html`, ignoring ASCII case, without copying.
fn closing_tag(html: &str, name: &str) -> Option<usize> {
    let bytes = html.as_bytes();
    let mut from = 0;
    while let Some(at) = html[from..].find("</") {
        let start = from + at;
        let candidate = &bytes[start + 2..];
        if candidate.len() >= name.len()
            && candidate[..name.len()].eq_ignore_ascii_case(name.as_bytes())
        {
            return Some(start);
        }
        from = start + 2;
    }
    None
}

fn reference(name: &str) -> Option<char> {
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        return char::from_u32(code);
    }
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some('\u{a0}'),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visible_text() {
        let cases = [
            ("", ""),
            ("plain", "plain"),
            (
                "<div>   \n<p>\n第一段。\n</p>\n<p>第二段</p></div>",
                "第一段。 第二段",
            ),
            ("中<b>俄</b>关系", "中俄关系"),
            ("<p>a</p><p>b</p>", "a b"),
            ("<style>.x{}</style>shown<SCRIPT>hidden()</SCRIPT>", "shown"),
            ("&#123;x&#x7D; &lt;tag&gt; &copy; &", "{x} <tag> &copy; &"),
            ("<img src=\"a.jpg\" alt=\"not text\">after", "after"),
            ("unclosed <tag", "unclosed"),
            (
                "Linux准备向<a href=\"x\">WiMAX</a>说再见",
                "Linux准备向WiMAX说再见",
            ),
        ];
        for (html, expected) in cases {
            assert_eq!(body_text(html), expected, "{html:?}");
        }
    }

    #[test]
    fn hostile_shapes_stay_linear() {
        let ampersands = "&".repeat(200_000);
        let started = std::time::Instant::now();
        assert_eq!(body_text(&ampersands).len(), 200_000);
        let scripts = "<script>x".repeat(20_000);
        assert_eq!(body_text(&scripts), "");
        // Generous: a regression to quadratic time takes minutes here.
        assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
    }

    #[test]
    fn markdown_rendered_text() {
        let html = crate::markdown::to_html(
            "# Title\n\nSome *markdown* text with a [link](https://e.com).\n",
        );
        assert_eq!(body_text(&html), "Title Some markdown text with a link.");
    }
}
