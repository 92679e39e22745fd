use super::*;

fn read(text: &str) -> Parsed {
    parse(&split(text)).expect("header parses")
}

#[test]
fn split_finds_headers_of_every_kind() {
    let cases: [(&str, Kind, &str, &str); 6] = [
        ("---\na: 1\n---\nbody", Kind::Yaml, "a: 1\n", "body"),
        ("\n\n---\na: 1\n---\nbody", Kind::Yaml, "a: 1\n", "body"),
        (";;;\n\"a\": 1\n;;;\nbody", Kind::Json, "\"a\": 1\n", "body"),
        ("---   \na: 1\n---  \nbody", Kind::Yaml, "a: 1\n", "body"),
        ("# Just markdown\n", Kind::None, "", "# Just markdown\n"),
        ("---\nnever closed\n", Kind::None, "", "---\nnever closed\n"),
    ];
    for (text, kind, header, body) in cases {
        let cut = split(text);
        assert_eq!(
            (cut.kind, cut.header, cut.body),
            (kind, header, body),
            "{text:?}"
        );
    }
}

#[test]
fn generator_header_reads_every_field() {
    let parsed = read(
        "\n---\ntitle: '乐玉成：中俄关系'\ncategories: \n - 新媒体\n - 观察者网\n - 首页\n\
         headimg: 'https://example.com/a.jpg'\nauthor: 观察者网\ncomments: false\n\
         date: Sat, 05 Feb 2022 11:48:54 GMT\nthumbnail: ''\n---\n\n<div></div>",
    );
    let front = parsed.front_matter;
    assert_eq!(front.title.as_deref(), Some("乐玉成：中俄关系"));
    assert_eq!(front.categories, vec![vec!["新媒体", "观察者网", "首页"]]);
    assert_eq!(front.author.as_deref(), Some("观察者网"));
    assert_eq!(front.date.as_deref(), Some("Sat, 05 Feb 2022 11:48:54 GMT"));
    assert_eq!(front.headimg.as_deref(), Some("https://example.com/a.jpg"));
    assert_eq!(front.thumbnail, None, "an empty thumbnail is no thumbnail");
    assert_eq!(front.extra.get("comments"), Some(&Value::Bool(false)));
    assert!(parsed.warnings.is_empty());
}

#[test]
fn categories_follow_hexo() {
    let cases: [(&str, Vec<Vec<&str>>); 6] = [
        ("categories: [A, B, C]", vec![vec!["A", "B", "C"]]),
        ("categories: [[A, B], [C]]", vec![vec!["A", "B"], vec!["C"]]),
        ("categories: [[A, B], C]", vec![vec!["A", "B"], vec!["C"]]),
        ("categories: Solo", vec![vec!["Solo"]]),
        ("category: [A, '', B]", vec![vec!["A", "B"]]),
        ("categories: []", vec![]),
    ];
    for (header, expected) in cases {
        let front = read(&format!("---\n{header}\n---\n")).front_matter;
        assert_eq!(front.categories, expected, "{header}");
    }
}

#[test]
fn tags_are_flat_with_alias() {
    let front = read("---\ntag: [a, b]\ntags: c\n---\n").front_matter;
    assert_eq!(front.tags, vec!["a", "b", "c"]);
}

#[test]
fn braces_written_as_entities_are_decoded() {
    let front = read("---\ntitle: 'Rust &#123;generics&#125;'\n---\n").front_matter;
    assert_eq!(front.title.as_deref(), Some("Rust {generics}"));
}

#[test]
fn unknown_keys_are_kept() {
    let front = read("---\ntitle: x\nlayout: post\nsticky: 3\n---\n").front_matter;
    assert_eq!(front.extra.get("layout"), Some(&Value::from("post")));
    assert_eq!(front.extra.get("sticky"), Some(&Value::from(3)));
}

#[test]
fn json_front_matter_is_read() {
    let front = read(";;;\n\"title\": \"JSON post\",\n\"tags\": [\"x\"]\n;;;\nbody").front_matter;
    assert_eq!(front.title.as_deref(), Some("JSON post"));
    assert_eq!(front.tags, vec!["x"]);
}

#[test]
fn invalid_json_front_matter_names_its_line() {
    let err = parse(&split("\n;;;\n\"title\": \"x\",\n\"tags\": [\n;;;\n")).unwrap_err();
    assert!(
        matches!(err, FrontMatterError::InvalidJson { line, .. } if line >= 3),
        "{err:?}"
    );
}

#[test]
fn broken_title_quotes_are_recovered_with_a_warning() {
    let parsed = read(
        "\n---\ntitle: \"\"\"\"'Algebraic Theory_ Where Abstract Meets Practical'\"\"\"\"\n\
         categories: \n    - 新媒体\n    - Simons Foundation - 文章\nauthor: Simons\n\
         date: Wed, 24 Feb 2021 00:00:00 GMT\n---\n<div></div>",
    );
    let front = parsed.front_matter;
    assert_eq!(
        front.title.as_deref(),
        Some("Algebraic Theory_ Where Abstract Meets Practical")
    );
    assert_eq!(
        front.categories,
        vec![vec!["新媒体", "Simons Foundation - 文章"]]
    );
    assert_eq!(front.author.as_deref(), Some("Simons"));
    assert_eq!(parsed.warnings.len(), 1);
    assert!(
        parsed.warnings[0].contains("not valid YAML"),
        "{:?}",
        parsed.warnings
    );
    assert!(
        parsed.warnings[0].contains("guessing title"),
        "{:?}",
        parsed.warnings
    );
}

#[test]
fn a_header_that_is_not_a_mapping_is_an_error() {
    assert_eq!(
        parse(&split("---\n- just\n- a list\n---\n")),
        Err(FrontMatterError::NotAMapping)
    );
}

#[test]
fn hostile_nesting_and_depth_are_bounded() {
    let deep = format!("---\ntitle: x\nnested: {}1\n---\n", "- ".repeat(5_000));
    let _ = parse(&split(&deep));
    let levels: Vec<String> = (0..1_000).map(|n| format!(" - l{n}")).collect();
    let long = format!("---\ncategories:\n{}\n---\n", levels.join("\n"));
    let front = read(&long).front_matter;
    assert_eq!(front.categories[0].len(), MAX_CATEGORY_DEPTH);
}
