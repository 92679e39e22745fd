//! The sanitize policy as data: the one definition that the bundler (through
//! ammonia) and the viewer (through DOMPurify) both enforce.
//!
//! Tables only, no logic beyond tiny predicates, so the two enforcers cannot
//! drift apart and `docs/sanitizing.md` can be checked against this file.
//! Everything not listed is dropped: tags are unwrapped (their text stays),
//! attributes removed.

/// Tags kept. Anything else is unwrapped, keeping its text, except
/// [`DROPPED_WITH_CONTENT`].
pub const ALLOWED_TAGS: &[&str] = &[
    "a",
    "abbr",
    "address",
    "article",
    "aside",
    "audio",
    "b",
    "bdi",
    "bdo",
    "blockquote",
    "br",
    "caption",
    "center",
    "cite",
    "code",
    "col",
    "colgroup",
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
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "i",
    "iframe",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "picture",
    "pre",
    "q",
    "rp",
    "rt",
    "ruby",
    "s",
    "samp",
    "section",
    "small",
    "source",
    "span",
    "strike",
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
    "track",
    "tt",
    "u",
    "ul",
    "var",
    "video",
    "wbr",
];

/// Tags removed together with everything inside them: what runs, styles the
/// host page, or collects input.
pub const DROPPED_WITH_CONTENT: &[&str] = &[
    "script", "style", "noscript", "template", "object", "embed", "applet", "frameset", "frame",
    "button", "select", "textarea", "option", "datalist", "math", "svg", "title", "head", "meta",
    "link", "base",
];

/// Attributes kept on every allowed tag.
pub const GENERIC_ATTRIBUTES: &[&str] = &["title", "lang", "dir"];

/// Attributes kept per tag, besides [`GENERIC_ATTRIBUTES`].
pub const TAG_ATTRIBUTES: &[(&str, &[&str])] = &[
    ("a", &["href", "hreflang"]),
    ("img", &["src", "srcset", "sizes", "alt", "width", "height"]),
    ("source", &["src", "srcset", "sizes", "type", "media"]),
    ("picture", &[]),
    (
        "video",
        &[
            "src",
            "poster",
            "width",
            "height",
            "preload",
            "loop",
            "muted",
            "playsinline",
        ],
    ),
    ("audio", &["src", "preload", "loop", "muted"]),
    ("track", &["src", "kind", "srclang", "label", "default"]),
    ("iframe", &["src", "width", "height", "allowfullscreen"]),
    ("td", &["colspan", "rowspan", "headers"]),
    ("th", &["colspan", "rowspan", "headers", "scope"]),
    ("col", &["span"]),
    ("colgroup", &["span"]),
    ("ol", &["start", "reversed", "type"]),
    ("li", &["value"]),
    ("time", &["datetime"]),
    ("blockquote", &["cite"]),
    ("q", &["cite"]),
    ("del", &["cite", "datetime"]),
    ("ins", &["cite", "datetime"]),
    ("details", &["open"]),
];

/// Attributes the policy sets on every instance of a tag, whatever the input
/// said: lazy images that send no Referer (the image hosts of these feeds
/// refuse foreign referrers), sandboxed frames, media with controls.
pub const FORCED_ATTRIBUTES: &[(&str, &str, &str)] = &[
    ("img", "loading", "lazy"),
    ("img", "referrerpolicy", "no-referrer"),
    ("iframe", "sandbox", IFRAME_SANDBOX),
    ("iframe", "referrerpolicy", "strict-origin"),
    ("iframe", "loading", "lazy"),
    ("video", "controls", "controls"),
    ("audio", "controls", "controls"),
];

/// The `rel` every link gets.
pub const LINK_REL: &str = "noopener noreferrer";

/// The `sandbox` of embedded players: they need their own scripts and origin,
/// and nothing else (no top navigation, no forms, no modals).
pub const IFRAME_SANDBOX: &str = "allow-scripts allow-same-origin allow-presentation allow-popups";

/// URL schemes kept in `href`/`src`. `data:` is further limited to images by
/// [`is_allowed_url`].
pub const URL_SCHEMES: &[&str] = &["http", "https", "mailto", "data"];

/// Hosts whose players may be embedded in an `iframe`; every other frame is dropped.
pub const IFRAME_HOSTS: &[&str] = &[
    "www.youtube.com",
    "youtube.com",
    "www.youtube-nocookie.com",
    "youtube-nocookie.com",
    "player.bilibili.com",
    "player.vimeo.com",
];

/// Attributes whose value is a URL (checked against [`URL_SCHEMES`]).
pub const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "poster",
    "cite",
    "action",
    "formaction",
    "background",
    "xlink:href",
];

/// Images no larger than this in both dimensions are tracking pixels.
pub const TRACKING_PIXEL_MAX: u32 = 1;

/// Whether `tag` survives (possibly with fewer attributes).
pub fn is_allowed_tag(tag: &str) -> bool {
    ALLOWED_TAGS.contains(&tag)
}

/// Whether `tag` is removed with its content.
pub fn is_dropped_with_content(tag: &str) -> bool {
    DROPPED_WITH_CONTENT.contains(&tag)
}

/// Whether `attribute` is allowed on `tag`.
pub fn is_allowed_attribute(tag: &str, attribute: &str) -> bool {
    GENERIC_ATTRIBUTES.contains(&attribute)
        || TAG_ATTRIBUTES
            .iter()
            .any(|(t, attributes)| *t == tag && attributes.contains(&attribute))
}

/// Whether `attribute` is an event handler (`onclick`, `onerror`, …).
pub fn is_event_handler(attribute: &str) -> bool {
    // Attribute names can be any text (`<img 图片>`): never slice mid-character.
    attribute.len() > 2
        && attribute
            .get(..2)
            .is_some_and(|prefix| prefix.eq_ignore_ascii_case("on"))
}

/// Removal kinds worth telling a reader about: what could have run, tracked
/// or framed. Comments (Hexo's `<!-- more -->`) and inline styles are
/// removed too, but saying so on every post would only be noise.
pub fn is_notable_removal(kind: &str) -> bool {
    !matches!(kind, "comment" | "style-attribute")
}

/// Whether a URL in `attribute` of `tag` may stay. Relative URLs stay;
/// absolute ones need a scheme of [`URL_SCHEMES`], and `data:` only as an
/// image source.
pub fn is_allowed_url(tag: &str, attribute: &str, url: &str) -> bool {
    let cleaned = without_ignored_characters(url);
    let Some(scheme) = scheme_of(&cleaned) else {
        return true;
    };
    if scheme == "data" {
        return matches!((tag, attribute), ("img" | "source", "src" | "srcset"))
            && cleaned[5..]
                .trim_start()
                .to_ascii_lowercase()
                .starts_with("image/");
    }
    URL_SCHEMES.contains(&scheme.as_str())
}

/// Whether `url` is relative to the page it appears in (`/logout`,
/// `img/a.png`, `?x`): no scheme, no `//host`, and not a fragment (`#note`).
///
/// The viewer drops such URLs from bodies. The bundler resolves them against
/// the post's original link when it has one; the rest would resolve against
/// whatever page shows the viewer, so an embedded bundle could make the
/// reader's browser request (with cookies) any path on the host's own site.
///
/// ```
/// use folio::sanitize::policy::is_page_relative;
/// assert!(is_page_relative("/account/logout") && is_page_relative("a.png"));
/// assert!(!is_page_relative("#note") && !is_page_relative("https://x.example/a.png"));
/// assert!(!is_page_relative("//cdn.example/a.png") && !is_page_relative("data:image/png;base64,AA"));
/// ```
pub fn is_page_relative(url: &str) -> bool {
    let cleaned = without_ignored_characters(url);
    scheme_of(&cleaned).is_none() && !cleaned.starts_with("//") && !cleaned.starts_with('#')
}

/// The URLs of a `srcset` (`a.jpg 1x, b.jpg 2x`).
pub fn srcset_urls(srcset: &str) -> impl Iterator<Item = &str> {
    srcset
        .split(',')
        .filter_map(|candidate| candidate.split_whitespace().next())
}

/// Whether `src` of an `iframe` points at an allowed player host over HTTPS
/// (or protocol-relative, which the bundler rewrites to HTTPS).
pub fn is_allowed_iframe_src(src: &str) -> bool {
    let src = without_ignored_characters(src);
    let Some(rest) = src
        .strip_prefix("https://")
        .or_else(|| src.strip_prefix("//"))
    else {
        return false;
    };
    let authority = rest.split(['/', '?', '#', '\\']).next().unwrap_or("");
    // A userinfo part (`user@host`) would let `youtube.com@evil.example` pass a naive check.
    if authority.contains('@') {
        return false;
    }
    let host = authority
        .split(':')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    IFRAME_HOSTS.contains(&host.as_str())
}

/// The URL as a browser reads it: leading whitespace and control characters
/// dropped, tabs and newlines anywhere removed (`java\tscript:` is `javascript:`).
fn without_ignored_characters(url: &str) -> String {
    url.trim_start_matches(|c: char| c.is_whitespace() || c.is_control())
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect()
}

/// The lowercased scheme of an absolute URL, or `None` when it is relative.
fn scheme_of(cleaned: &str) -> Option<String> {
    let colon = cleaned.find(':')?;
    let scheme = &cleaned[..colon];
    let is_scheme = scheme
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    // `/path:x` and `?q=a:b` have a colon after a character no scheme contains.
    is_scheme.then(|| scheme.to_ascii_lowercase())
}

/// Whether width and height (as written) make an image a tracking pixel.
pub fn is_tracking_pixel(width: Option<&str>, height: Option<&str>) -> bool {
    let tiny = |value: Option<&str>| {
        value
            .map(|v| v.trim().trim_end_matches("px"))
            .and_then(|v| v.parse::<u32>().ok())
            .is_some_and(|n| n <= TRACKING_PIXEL_MAX)
    };
    tiny(width) && tiny(height)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls() {
        let cases = [
            ("a", "href", "https://example.com/x", true),
            ("a", "href", "/relative/path:with-colon", true),
            ("a", "href", "mailto:me@example.com", true),
            ("a", "href", "javascript:alert(1)", false),
            ("a", "href", " JaVa\tScRiPt:alert(1)", false),
            ("a", "href", "vbscript:msgbox", false),
            ("a", "href", "data:text/html,<script>", false),
            ("a", "href", "data:image/png;base64,AAAA", false),
            ("img", "src", "data:image/png;base64,AAAA", true),
            ("img", "src", "data:text/html;base64,AAAA", false),
            ("img", "src", "file:///etc/passwd", false),
        ];
        for (tag, attribute, url, expected) in cases {
            assert_eq!(
                is_allowed_url(tag, attribute, url),
                expected,
                "{tag} {attribute}={url}"
            );
        }
    }

    #[test]
    fn iframe_hosts() {
        let cases = [
            ("https://www.youtube.com/embed/x", true),
            ("https://www.youtube-nocookie.com/embed/x", true),
            ("//player.bilibili.com/player.html?aid=1", true),
            ("https://player.vimeo.com/video/1", true),
            ("http://www.youtube.com/embed/x", false),
            ("https://www.youtube.com.evil.example/embed", false),
            ("https://www.youtube.com@evil.example/", false),
            ("https://script.google.com/macros/s/x", false),
            ("javascript:alert(1)", false),
            ("", false),
        ];
        for (src, expected) in cases {
            assert_eq!(is_allowed_iframe_src(src), expected, "{src}");
        }
    }

    #[test]
    fn tables_are_consistent() {
        for tag in DROPPED_WITH_CONTENT {
            assert!(!is_allowed_tag(tag), "{tag} is both kept and dropped");
        }
        for (tag, _) in TAG_ATTRIBUTES {
            assert!(
                is_allowed_tag(tag),
                "attributes listed for a dropped tag {tag}"
            );
        }
        for (tag, attribute, _) in FORCED_ATTRIBUTES {
            assert!(
                !is_allowed_attribute(tag, attribute),
                "{tag} {attribute} is forced and copied"
            );
        }
        assert!(is_event_handler("onError") && !is_event_handler("on"));
        assert!(
            !is_event_handler("图片") && !is_event_handler("o图"),
            "multi-byte names"
        );
        assert!(is_notable_removal("script") && !is_notable_removal("comment"));
        assert!(is_tracking_pixel(Some("1"), Some("1px")));
        assert!(!is_tracking_pixel(Some("1"), None));
        assert!(!is_tracking_pixel(Some("600"), Some("1")));
    }
}
