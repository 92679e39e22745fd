//! Fields derived from a sanitized body for lists and search: plain text,
//! excerpt, reading time, counts, a language guess and the first image.
//!
//! Computed once by the bundler so the viewer never parses bodies to show a list.

use crate::sanitize::SafeHtml;
use crate::script::{is_cjk, is_hangul, is_kana};
use crate::search::text::body_text;

/// Excerpt length for text that is mostly CJK, in characters.
pub const EXCERPT_CJK_CHARS: usize = 120;
/// Excerpt length for other text, in words.
pub const EXCERPT_WORDS: usize = 40;
/// Reading speed for CJK text, characters per minute (Miniflux's figure).
pub const CJK_CHARS_PER_MINUTE: usize = 500;
/// Reading speed for other text, words per minute (Miniflux's figure).
pub const WORDS_PER_MINUTE: usize = 265;

/// What the bundler derives from one body.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Derived {
    /// Plain text, whitespace folded to single spaces.
    pub text: String,
    /// The start of [`Derived::text`], cut at a character or word boundary.
    pub excerpt: String,
    /// Non-whitespace characters.
    pub chars: usize,
    /// Whitespace-separated words.
    pub words: usize,
    /// Estimated reading time, at least 1.
    pub reading_minutes: usize,
    /// Language guess (`zh`, `ja`, `en`, … or an ISO 639-3 code), when one is possible.
    pub lang: Option<String>,
    /// `src` of the first image.
    pub first_image: Option<String>,
}

/// Derives list and search fields from `html` (with the title, which helps
/// the language guess for short bodies).
pub fn derive(html: &SafeHtml, title: &str) -> Derived {
    let (text, first_image) = text_and_first_image(html.as_str());
    // The text is folded: single spaces only, so one byte scan counts both.
    let words = if text.is_empty() {
        0
    } else {
        text.bytes().filter(|b| *b == b' ').count() + 1
    };
    let chars = text.chars().count() - words.saturating_sub(1);
    let cjk = is_mostly_cjk(&text) || (text.is_empty() && is_mostly_cjk(title));
    let reading_minutes = if cjk {
        chars.div_ceil(CJK_CHARS_PER_MINUTE)
    } else {
        words.div_ceil(WORDS_PER_MINUTE)
    }
    .max(1);
    let excerpt = excerpt_of(&text, cjk);
    let sample: String = format!("{title} {text}").chars().take(2000).collect();
    Derived {
        lang: guess_language(&sample),
        excerpt,
        chars,
        words,
        reading_minutes,
        first_image,
        text,
    }
}

/// The body's plain text, as search reads it ([`body_text`]), and the `src`
/// of its first image. A scan, not a parse: `html` is the sanitizer's own
/// serialization (html5ever's), which writes lowercase tag and attribute
/// names and every attribute value in double quotes with `"` and `&`
/// escaped, so the scan reads what a parser would. It replaced a second
/// lol_html pass over every body, the bundler's largest single cost after
/// sanitizing itself.
fn text_and_first_image(html: &str) -> (String, Option<String>) {
    (body_text(html), first_image_src(html))
}

/// The first non-empty `src` of an `<img>` in serialized `html`, decoded.
fn first_image_src(html: &str) -> Option<String> {
    let mut rest = html;
    while let Some(at) = rest.find("<img ") {
        let mut attributes = &rest[at + "<img ".len()..];
        loop {
            attributes = attributes.trim_start();
            if attributes.is_empty() || attributes.starts_with(['>', '/']) {
                break;
            }
            let name_end = attributes
                .find(|c: char| c == '=' || c == '>' || c == '/' || c.is_whitespace())
                .unwrap_or(attributes.len());
            let name = &attributes[..name_end];
            attributes = &attributes[name_end..];
            // Whitespace, `>` and `/` were handled above, so an empty name
            // means `=` comes next: every turn consumes something.
            let Some(after_equals) = attributes.strip_prefix('=') else {
                continue;
            };
            let (value, after) = match after_equals.strip_prefix('"') {
                Some(quoted) => {
                    let end = quoted.find('"')?;
                    (&quoted[..end], &quoted[end + 1..])
                }
                None => {
                    let end = after_equals
                        .find(|c: char| c.is_whitespace() || c == '>')
                        .unwrap_or(after_equals.len());
                    after_equals.split_at(end)
                }
            };
            attributes = after;
            if name == "src" && !value.trim().is_empty() {
                return Some(decode_attribute(value));
            }
        }
        rest = attributes;
    }
    None
}

/// Decodes the references html5ever's serializer writes in attribute values.
fn decode_attribute(value: &str) -> String {
    if !value.contains('&') {
        return value.to_owned();
    }
    value
        .replace("&quot;", "\"")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

/// Whether most of the first 100 letters are CJK (Miniflux's rule).
fn is_mostly_cjk(text: &str) -> bool {
    let letters: Vec<char> = text
        .chars()
        .filter(|c| c.is_alphabetic())
        .take(100)
        .collect();
    let cjk = letters.iter().filter(|c| is_cjk(**c)).count();
    !letters.is_empty() && cjk * 2 > letters.len()
}

fn excerpt_of(text: &str, cjk: bool) -> String {
    if cjk {
        let mut chars = text.char_indices();
        match chars.nth(EXCERPT_CJK_CHARS) {
            Some((cut, _)) => format!("{}…", text[..cut].trim_end()),
            None => text.to_owned(),
        }
    } else {
        // The text is folded, so the n-th space ends the n-th word.
        match text.match_indices(' ').nth(EXCERPT_WORDS - 1) {
            Some((cut, _)) => format!("{}…", &text[..cut]),
            None => text.to_owned(),
        }
    }
}

/// Guesses the language by script first (what a reader sees at a glance:
/// kana means Japanese, Hangul Korean, other Han Chinese), and only for
/// text that is mostly not CJK asks whatlang, among languages common in feeds.
fn guess_language(sample: &str) -> Option<String> {
    let (mut han, mut kana, mut hangul, mut letters) = (0usize, 0usize, 0usize, 0usize);
    for c in sample.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        if is_kana(c) {
            kana += 1;
        } else if is_hangul(c) {
            hangul += 1;
        } else if is_cjk(c) {
            han += 1;
        }
    }
    let cjk = han + kana + hangul;
    // Code samples and product names put many Latin letters in Chinese posts;
    // a fifth of the letters in CJK script is already a CJK text to a reader.
    if cjk > 0 && cjk * 5 >= letters {
        let lang = if kana * 20 >= cjk {
            "ja"
        } else if hangul * 2 >= cjk {
            "ko"
        } else {
            "zh"
        };
        return Some(lang.to_owned());
    }
    use whatlang::Lang;
    const COMMON: [Lang; 8] = [
        Lang::Eng,
        Lang::Fra,
        Lang::Deu,
        Lang::Spa,
        Lang::Por,
        Lang::Ita,
        Lang::Rus,
        Lang::Nld,
    ];
    let info = whatlang::Detector::with_allowlist(COMMON.to_vec())
        .detect(sample)
        .filter(whatlang::Info::is_reliable)?;
    let lang = match info.lang() {
        Lang::Eng => "en",
        Lang::Fra => "fr",
        Lang::Deu => "de",
        Lang::Spa => "es",
        Lang::Por => "pt",
        Lang::Ita => "it",
        Lang::Rus => "ru",
        Lang::Nld => "nl",
        other => other.code(),
    };
    Some(lang.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sanitize::clean;

    fn derived(html: &str, title: &str) -> Derived {
        derive(&clean(html, None).html, title)
    }

    #[test]
    fn chinese_body() {
        let body = format!(
            "<div><p>{}</p><img src=\"https://i/a.jpg\"></div>",
            "中俄关系上不封顶。".repeat(100)
        );
        let d = derived(&body, "中俄关系");
        assert_eq!(d.lang.as_deref(), Some("zh"));
        assert_eq!(d.chars, 900);
        assert_eq!(d.reading_minutes, 2, "900 characters at 500 a minute");
        assert_eq!(
            d.excerpt.chars().count(),
            EXCERPT_CJK_CHARS + 1,
            "{}",
            d.excerpt
        );
        assert!(d.excerpt.ends_with('…'));
        assert_eq!(d.first_image.as_deref(), Some("https://i/a.jpg"));
    }

    #[test]
    fn english_body() {
        let sentence = "Ten years ago most of the night trains had closed, and this winter there are more of them than at any time since the nineties. ";
        let body = format!("<p>{}</p>", sentence.repeat(20));
        let d = derived(&body, "Fox");
        assert_eq!(d.lang.as_deref(), Some("en"));
        assert_eq!(d.words, 500, "25 words, 20 times");
        assert_eq!(d.reading_minutes, 2, "500 words at 265 a minute");
        assert!(d.excerpt.starts_with("Ten years ago"), "{}", d.excerpt);
        assert_eq!(d.excerpt.split(' ').count(), EXCERPT_WORDS);
        assert!(d.excerpt.ends_with('…'));
    }

    #[test]
    fn japanese_body() {
        let d = derived(
            "<p>毎年好評の朗読会が、今年も市民ホールで開催されます。入場は無料です。</p>",
            "朗読会",
        );
        assert_eq!(d.lang.as_deref(), Some("ja"));
    }

    #[test]
    fn whitespace_folds_and_blocks_separate_words() {
        let d = derived(
            "<p>one</p><p>two\n\n   three</p><ul><li>four</li></ul>a&amp;b &lt;c&gt;",
            "",
        );
        assert_eq!(d.text, "one two three four a&b <c>");
        assert_eq!(d.excerpt, d.text);
        assert_eq!(d.reading_minutes, 1);
    }

    #[test]
    fn the_first_image_is_read_from_the_serialized_body() {
        let cases = [
            ("<p>text</p>", None),
            (r#"<img src="a.jpg">"#, Some("a.jpg")),
            (
                r#"<img alt="x > y" src="b.jpg" loading="lazy">"#,
                Some("b.jpg"),
            ),
            (r#"<img src="">then<img src="c.jpg">"#, Some("c.jpg")),
            (
                r#"<img data-src="no.jpg" srcset="no.jpg 2x" src="d.jpg?a=1&amp;b=&quot;2&quot;">"#,
                Some("d.jpg?a=1&b=\"2\""),
            ),
            (r#"<img alt="no src">"#, None),
            (
                r#"<iframe src="e.html"></iframe><img src="f.jpg"/>"#,
                Some("f.jpg"),
            ),
        ];
        for (html, expected) in cases {
            assert_eq!(first_image_src(html).as_deref(), expected, "{html}");
        }
    }

    #[test]
    fn script_text_is_not_body_text() {
        let d = derived(
            "<p>shown</p><script>hidden()</script><style>.x{}</style>",
            "",
        );
        assert_eq!(d.text, "shown");
    }
}
