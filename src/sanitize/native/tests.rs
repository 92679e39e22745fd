use super::*;

fn clean_html(html: &str) -> String {
    clean(html, None).html.into_string()
}

#[test]
fn the_policy_case_by_case() {
    // (name, input, expected output)
    let cases = [
        ("text structure stays", "<h2>T</h2><p>a<br>b</p><ul><li>x</li></ul>", "<h2>T</h2><p>a<br>b</p><ul><li>x</li></ul>"),
        ("script goes with content", "<p>a</p><script>alert(1)</script>", "<p>a</p>"),
        ("style goes with content", "<style>body{display:none}</style><p>a</p>", "<p>a</p>"),
        ("noscript and template go", "<noscript>n</noscript><template><p>t</p></template>x", "x"),
        ("object and embed go", "<object data=x></object><embed src=y>z", "z"),
        ("event handlers go", "<p onclick=\"x()\" onmouseover=y>a</p>", "<p>a</p>"),
        ("style attributes go", "<p style=\"color:red\">a</p>", "<p>a</p>"),
        ("comments go", "a<!-- secret -->b", "ab"),
        ("javascript links lose href", "<a href=\"javascript:alert(1)\">x</a>", "<a rel=\"noopener noreferrer\">x</a>"),
        ("links get rel", "<a href=\"https://e.com/\" target=_blank>x</a>", "<a href=\"https://e.com/\" rel=\"noopener noreferrer\">x</a>"),
        (
            "images get lazy and no-referrer",
            "<img src=\"https://i.example/a.jpg\" alt=\"A\" width=\"600\" height=\"400\" title=\"t\" w=\"1\">",
            "<img src=\"https://i.example/a.jpg\" alt=\"A\" width=\"600\" height=\"400\" title=\"t\" loading=\"lazy\" referrerpolicy=\"no-referrer\">",
        ),
        ("tracking pixels go", "<p>a<img src=\"https://t.example/p.gif\" width=\"1\" height=\"1\"></p>", "<p>a</p>"),
        (
            "data images stay",
            "<img src=\"data:image/png;base64,iVBORw0KGgo=\">",
            "<img src=\"data:image/png;base64,iVBORw0KGgo=\" loading=\"lazy\" referrerpolicy=\"no-referrer\">",
        ),
        ("data links go", "<a href=\"data:text/html,x\">x</a>", "<a rel=\"noopener noreferrer\">x</a>"),
        (
            "youtube frames stay, sandboxed",
            "<iframe src=\"https://www.youtube.com/embed/x\" width=\"560\" height=\"315\" frameborder=\"0\" allowfullscreen></iframe>",
            "<iframe src=\"https://www.youtube.com/embed/x\" width=\"560\" height=\"315\" allowfullscreen=\"\" sandbox=\"allow-scripts allow-same-origin allow-presentation allow-popups\" referrerpolicy=\"strict-origin\" loading=\"lazy\"></iframe>",
        ),
        (
            "protocol-relative bilibili becomes https",
            "<iframe src=\"//player.bilibili.com/player.html?aid=1\"></iframe>",
            "<iframe src=\"https://player.bilibili.com/player.html?aid=1\" sandbox=\"allow-scripts allow-same-origin allow-presentation allow-popups\" referrerpolicy=\"strict-origin\" loading=\"lazy\"></iframe>",
        ),
        ("other frames go", "<iframe src=\"https://script.google.com/x\"></iframe>a", "a"),
        ("srcdoc frames go", "<iframe srcdoc=\"<script>x</script>\"></iframe>a", "a"),
        ("video keeps controls", "<video src=\"https://v.example/a.mp4\" autoplay></video>", "<video src=\"https://v.example/a.mp4\" controls=\"controls\"></video>"),
        ("forms go, text stays", "<form action=\"/x\"><label>Name</label><input name=q><button>Go</button></form>", "Name"),
        ("svg goes with its handlers", "<svg onload=\"alert(1)\"><circle/></svg>ok", "ok"),
        ("base and meta go", "<base href=\"https://evil.example/\"><meta http-equiv=\"refresh\" content=\"0;url=x\">ok", "ok"),
        ("tables stay", "<table><tr><td colspan=\"2\">a</td></tr></table>", "<table><tbody><tr><td colspan=\"2\">a</td></tr></tbody></table>"),
        ("multi-byte attribute names", "<img src=\"https://i/a.jpg\" alt=中文 图片>", "<img src=\"https://i/a.jpg\" alt=\"中文\" loading=\"lazy\" referrerpolicy=\"no-referrer\">"),
        ("code stays escaped", "<pre><code>&lt;button @click=\"go\"&gt;</code></pre>", "<pre><code>&lt;button @click=\"go\"&gt;</code></pre>"),
    ];
    for (name, input, expected) in cases {
        assert_eq!(clean_html(input), expected, "{name}");
    }
}

#[test]
fn removals_are_counted_by_kind() {
    let cleaned = clean(
        "<script>a</script><script>b</script><p onclick=x style=y>t</p><!-- c -->\
         <a href=\"javascript:x\">l</a><img src=\"https://t/p.gif\" width=1 height=1>\
         <iframe src=\"https://evil.example/\"></iframe><form><input></form>",
        None,
    );
    let expected: Removed = [
        ("comment", 1),
        ("event-handler", 1),
        ("form", 2),
        ("iframe", 1),
        ("script", 2),
        ("style-attribute", 1),
        ("tracking-pixel", 1),
        ("unsafe-url", 1),
    ]
    .into_iter()
    .map(|(kind, n)| (kind.to_owned(), n))
    .collect();
    assert_eq!(cleaned.removed, expected);
}

#[test]
fn relative_urls_resolve_against_the_original_link() {
    let cleaned = clean(
        "<a href=\"/news/2\">next</a><img src=\"pic.jpg\">",
        Some("https://site.example/news/1.html"),
    );
    let html = cleaned.html.as_str();
    assert!(
        html.contains("href=\"https://site.example/news/2\""),
        "{html}"
    );
    assert!(
        html.contains("src=\"https://site.example/news/pic.jpg\""),
        "{html}"
    );
    let unresolved = clean_html("<a href=\"/news/2\">next</a>");
    assert!(unresolved.contains("href=\"/news/2\""), "{unresolved}");
}

#[test]
fn cleaning_is_idempotent() {
    let once =
        clean_html("<p onclick=x>a<img src=\"https://i/a.jpg\"><a href=\"https://e/\">l</a></p>");
    assert_eq!(clean_html(&once), once);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

    #[test]
    fn nothing_that_runs_survives(
        parts in proptest::collection::vec(
            proptest::prop_oneof![
                proptest::strategy::Just("<script>x()</script>".to_owned()),
                proptest::strategy::Just("<img src=x onerror=alert(1)>".to_owned()),
                proptest::strategy::Just("<a href='javascript:alert(1)'>".to_owned()),
                proptest::strategy::Just("<svg><g onload=alert(1)></svg>".to_owned()),
                proptest::strategy::Just("<iframe srcdoc='<script>x</script>'>".to_owned()),
                proptest::strategy::Just("<scr<script>ipt>".to_owned()),
                proptest::strategy::Just("<!--".to_owned()),
                proptest::strategy::Just("-->".to_owned()),
                proptest::strategy::Just("<math><mi xlink:href=javascript:x>".to_owned()),
                proptest::strategy::Just("<p style=x>".to_owned()),
                "[<>\"'=/a-z !-]{0,12}",
                "\\PC{0,8}",
            ],
            0..12,
        )
    ) {
        let input = parts.concat();
        let output = clean_html(&input);
        let lower = output.to_ascii_lowercase();
        proptest::prop_assert!(!lower.contains("<script"), "{input:?} -> {output:?}");
        proptest::prop_assert!(!lower.contains("javascript:") || !lower.contains("href=\"javascript"), "{output:?}");
        proptest::prop_assert!(!lower.contains("srcdoc"), "{output:?}");
        proptest::prop_assert!(!lower.contains("<svg"), "{output:?}");
        proptest::prop_assert!(!lower.contains(" style="), "{output:?}");
        // No attribute named on…: look for ` on` inside a tag.
        let in_tag_handler = output.split('<').skip(1).any(|tag| {
            let tag = tag.split('>').next().unwrap_or("");
            tag.split_whitespace().skip(1).any(|attr| policy::is_event_handler(attr.split('=').next().unwrap_or("")))
        });
        proptest::prop_assert!(!in_tag_handler, "{input:?} -> {output:?}");
        proptest::prop_assert_eq!(clean_html(&output), output.clone(), "not idempotent for {:?}", input);
    }
}
