use super::*;
use lol_html::{element, rewrite_str, text, RewriteStrSettings};
use proptest::prelude::*;
use std::cell::RefCell;

/// An element's tag and its attributes' names and values.
type Element = (String, Vec<(String, String)>);

/// What a browser's parser would make of `html`: each element, in document
/// order, and the text.
fn parsed(html: &str) -> (Vec<Element>, String) {
    let elements = RefCell::new(Vec::new());
    let texts = RefCell::new(String::new());
    rewrite_str(
        html,
        RewriteStrSettings {
            element_content_handlers: vec![
                element!("*", |el| {
                    let attributes = el
                        .attributes()
                        .iter()
                        .map(|a| (a.name(), a.value()))
                        .collect();
                    elements.borrow_mut().push((el.tag_name(), attributes));
                    Ok(())
                }),
                text!("*", |chunk| {
                    texts.borrow_mut().push_str(chunk.as_str());
                    Ok(())
                }),
            ],
            ..RewriteStrSettings::new()
        },
    )
    .unwrap();
    let text = texts.into_inner();
    // The parser hands texts over as written: entities still encoded.
    let text = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&");
    (elements.into_inner(), text)
}

fn article() -> Article {
    Article {
        id: "a1".to_owned(),
        title: "中俄关系 and Linux".to_owned(),
        author: Some("示例日报".to_owned()),
        date: Some("2024-05-01T08:00:00Z".to_owned()),
        categories: vec![vec!["新媒体".to_owned(), "示例".to_owned()]],
        tags: vec!["offline".to_owned()],
        thumbnail: Some("https://img.example/t.jpg".to_owned()),
        excerpt: "摘要".to_owned(),
        ..Article::default()
    }
}

fn row_html(article: &Article, query: &Query, unread: bool) -> String {
    row_with_snippet(article, query, unread, None)
}

fn row_with_snippet(
    article: &Article,
    query: &Query,
    unread: bool,
    snippet: Option<Vec<(String, bool)>>,
) -> String {
    Row {
        href: "#/a/a1?q=x".to_owned(),
        snippet,
        meta: MetaLine {
            article,
            shown_date: Some("3 days ago".to_owned()),
            reading_time: "1 min read".to_owned(),
            query,
        },
        unread,
    }
    .render()
    .into_string()
}

#[test]
fn a_row_has_the_structure_the_stylesheet_and_tests_expect() {
    let html = row_html(&article(), &Query::parse("中俄 示例"), true);
    let (elements, text) = parsed(&html);
    let tags: Vec<&str> = elements.iter().map(|(tag, _)| tag.as_str()).collect();
    assert_eq!(
        tags,
        [
            "li", "div", "h2", "a", "mark", "p", "a", "mark", "time", "span", "span", "a", "a",
            "mark", "a", "p", "img"
        ]
    );
    let attribute = |at: usize, name: &str| {
        let (_, attributes) = &elements[at];
        attributes
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, value)| value.clone())
    };
    assert_eq!(attribute(0, "class").as_deref(), Some("article-row unread"));
    assert_eq!(attribute(3, "href").as_deref(), Some("#/a/a1?q=x"));
    assert_eq!(attribute(6, "class").as_deref(), Some("author"));
    assert_eq!(
        attribute(8, "datetime").as_deref(),
        Some("2024-05-01T08:00:00Z")
    );
    // Category links per level, percent-encoded by the route.
    assert_eq!(
        attribute(11, "href"),
        Some(Route::Category(vec!["新媒体".into()]).href())
    );
    assert_eq!(
        attribute(12, "href"),
        Some(Route::Category(vec!["新媒体".into(), "示例".into()]).href())
    );
    assert_eq!(attribute(14, "class").as_deref(), Some("tag"));
    assert_eq!(
        attribute(16, "src").as_deref(),
        Some("https://img.example/t.jpg")
    );
    assert_eq!(
        attribute(16, "referrerpolicy").as_deref(),
        Some("no-referrer")
    );
    assert_eq!(
        text,
        "中俄关系 and Linux示例日报3 days ago1 min read新媒体示例#offline摘要"
    );
    // Marked: 中俄 in the title, 示例 in the author and the second level.
    assert!(html.contains("<mark>中俄</mark>关系"));
    assert!(html.contains("<mark>示例</mark>日报"));

    // A snippet from the body takes the excerpt's place, marks as cut.
    let runs = vec![("…正文讲".to_owned(), false), ("中俄".to_owned(), true)];
    let html = row_with_snippet(&article(), &Query::parse("中俄"), true, Some(runs));
    assert!(
        html.contains(r#"<p class="excerpt">…正文讲<mark>中俄</mark></p>"#),
        "{html}"
    );

    let read = row_html(
        &Article {
            thumbnail: None,
            ..article()
        },
        &Query::parse(""),
        false,
    );
    let (elements, _) = parsed(&read);
    assert_eq!(
        elements[0].1,
        [("class".to_owned(), "article-row".to_owned())]
    );
    assert!(elements
        .iter()
        .all(|(tag, _)| tag != "img" && tag != "mark"));
}

/// Every element and attribute the row markup can make: whatever the
/// bundle says, nothing else may come out (no script, no handler).
const ELEMENTS: &[&str] = &["li", "div", "h2", "a", "mark", "p", "time", "span", "img"];
const ATTRIBUTES: &[&str] = &[
    "class",
    "href",
    "datetime",
    "alt",
    "loading",
    "referrerpolicy",
    "src",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn nothing_from_the_bundle_becomes_markup(
        title in ".{0,40}",
        name in ".{0,20}",
        url in ".{0,30}",
        query in "[a-z<\"&]{0,3}",
    ) {
        let hostile = |s: &str| format!("{s}<script>x</script>\"><img src=x onerror=alert(1)>&amp;'");
        let article = Article {
            title: hostile(&title),
            author: Some(hostile(&name)),
            date: Some(hostile(&url)),
            categories: vec![vec![hostile(&name), hostile(&title)]],
            tags: vec![hostile(&name)],
            thumbnail: Some(hostile(&url)),
            excerpt: hostile(&title),
            ..Article::default()
        };
        let html = row_html(&article, &Query::parse(&query), true);
        let (elements, text) = parsed(&html);
        for (tag, attributes) in &elements {
            prop_assert!(ELEMENTS.contains(&tag.as_str()), "{tag} in {html}");
            for (name, _) in attributes {
                prop_assert!(ATTRIBUTES.contains(&name.as_str()), "{name} in {html}");
            }
        }
        // The title's text comes out whole, as text.
        prop_assert!(text.starts_with(&article.title), "{text}");
        let images = elements.iter().filter(|(tag, _)| tag == "img").count();
        prop_assert_eq!(images, 1);
    }
}
