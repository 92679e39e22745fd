use super::*;

fn read(source: &str, text: &str) -> ReadPost {
    read_post(source, text.as_bytes(), None, &PostOptions::default()).expect("post reads")
}

const GENERATOR_POST: &str =
    "\n---\ntitle: '中俄关系'\ncategories: \n - 新媒体\n - 观察者网\n - 首页\n\
headimg: 'https://example.com/h.jpg'\nauthor: 观察者网\ncomments: false\n\
date: Sat, 05 Feb 2022 11:48:54 GMT\nthumbnail: 'https://example.com/t.jpg'\n---\n\n\
<div>   \n<p>\n第一段。\n</p>\n\n    <p>缩进的段落 &#123;x&#125;</p>\n</div>\n            ";

#[test]
fn a_generator_post_becomes_an_article() {
    let post = read("新媒体/观察者网/首页/中俄关系.md", GENERATOR_POST);
    let article = post.article;
    assert_eq!(article.title, "中俄关系");
    assert_eq!(article.categories, vec![vec!["新媒体", "观察者网", "首页"]]);
    assert_eq!(article.author.as_deref(), Some("观察者网"));
    assert_eq!(article.date.as_deref(), Some("2022-02-05T11:48:54Z"));
    assert_eq!(
        article.headimg.as_deref(),
        Some("https://example.com/h.jpg")
    );
    assert_eq!(article.source, "新媒体/观察者网/首页/中俄关系.md");
    assert!(post.warnings.is_empty(), "{:?}", post.warnings);
}

#[test]
fn raw_html_bodies_pass_through_unchanged() {
    let body = read("a.md", GENERATOR_POST).article.body;
    assert_eq!(
        body, "<div>   \n<p>\n第一段。\n</p>\n\n    <p>缩进的段落 {x}</p>\n</div>",
        "the indented paragraph after a blank line must not become a code block"
    );
}

#[test]
fn markdown_bodies_are_rendered_with_gfm() {
    let post = read("m.md", "---\ntitle: m\ndate: 2020-01-01\n---\n# Head\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n~~gone~~\n");
    let body = post.article.body;
    assert!(body.contains("<h1>Head</h1>"), "{body}");
    assert!(body.contains("<table>"), "{body}");
    assert!(body.contains("<del>gone</del>"), "{body}");
}

#[test]
fn ids_are_stable_and_distinct() {
    let first = read("a/b.md", GENERATOR_POST).article.id;
    assert_eq!(first, read("a/b.md", GENERATOR_POST).article.id);
    assert_ne!(first, read("a/c.md", GENERATOR_POST).article.id);
    assert_eq!(first.len(), 16);
}

#[test]
fn crlf_and_bom_are_tolerated() {
    let text = format!("\u{feff}{}", GENERATOR_POST.replace('\n', "\r\n"));
    let post = read("a.md", &text);
    assert_eq!(post.article.title, "中俄关系");
    assert!(!post.article.body.contains('\r'));
}

#[test]
fn a_post_without_front_matter_is_still_an_article() {
    let post = read_post(
        "notes/2006-11-17-about.md",
        b"# About me\n\nHello.\n",
        None,
        &PostOptions::default(),
    )
    .unwrap();
    assert_eq!(post.article.title, "About me");
    assert_eq!(post.article.date.as_deref(), Some("2006-11-17T00:00:00Z"));
    let messages: Vec<_> = post.warnings.iter().map(|w| w.message.as_str()).collect();
    assert!(
        messages.iter().any(|m| m.starts_with("no front matter")),
        "{messages:?}"
    );
    assert!(
        messages.iter().any(|m| m.contains("file name")),
        "{messages:?}"
    );
}

#[test]
fn title_falls_back_to_the_file_name() {
    let post = read("dir/无题.md", "plain text only\n");
    assert_eq!(post.article.title, "无题");
}

#[test]
fn missing_date_falls_back_to_file_time_with_a_warning() {
    let modified = DateTime::parse_from_rfc3339("2024-03-01T10:00:00Z")
        .unwrap()
        .with_timezone(&Utc);
    let post = read_post(
        "x.md",
        b"---\ntitle: x\n---\nbody",
        Some(modified),
        &PostOptions::default(),
    )
    .unwrap();
    assert_eq!(post.article.date.as_deref(), Some("2024-03-01T10:00:00Z"));
    assert!(post.warnings[0].message.contains("modification time"));
}

#[test]
fn invalid_utf8_is_decoded_lossily_with_a_warning() {
    let mut bytes = b"---\ntitle: ok\ndate: 2020-01-01\n---\n<p>caf".to_vec();
    bytes.extend([0xff, 0xfe]);
    bytes.extend(b"</p>");
    let post = read_post("x.md", &bytes, None, &PostOptions::default()).unwrap();
    assert!(post.article.body.contains('\u{fffd}'));
    assert!(post.warnings[0].message.starts_with("not valid UTF-8"));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..400)) {
        let _ = read_post("fuzz.md", &bytes, None, &PostOptions::default());
    }

    #[test]
    fn header_shaped_noise_never_panics(
        header in "[-;:'\"\\[\\]{}#&a-z0-9 \n\t]{0,120}",
        body in "\\PC{0,80}",
    ) {
        for delimiter in ["---", ";;;"] {
            let text = format!("\n{delimiter}\n{header}\n{delimiter}\n{body}");
            let _ = read_post("fuzz.md", text.as_bytes(), None, &PostOptions::default());
        }
    }
}
