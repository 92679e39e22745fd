//! Front matter: splitting a Hexo post into its header and body, and reading
//! the header the way Hexo does.
//!
//! Two stages, as in Hexo's own `hexo-front-matter`: [`split`] finds the header
//! (YAML between `---` lines or JSON between `;;;` lines, after an optional BOM
//! and blank lines), then [`parse`] turns it into [`FrontMatter`]. YAML that does
//! not parse is recovered line by line ([`parse`] reports what it guessed), so
//! a post is never lost for a broken quote in its title.

use serde_json::{Map, Value};
use std::collections::BTreeMap;
use yaml_rust2::{Yaml, YamlLoader};

/// Which kind of header a post has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// YAML between `---` lines.
    Yaml,
    /// JSON between `;;;` lines.
    Json,
    /// No header at all.
    None,
}

/// A post cut into header and body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split<'a> {
    /// The kind of header found.
    pub kind: Kind,
    /// The header's text, without its delimiter lines.
    pub header: &'a str,
    /// 1-based line number of the header's first line in the file.
    pub header_line: usize,
    /// Everything after the closing delimiter.
    pub body: &'a str,
}

/// Cuts `text` into header and body. `text` must already have its BOM
/// removed and line endings normalized to `\n`.
///
/// ```
/// use folio::front_matter::{split, Kind};
/// let post = "\n---\ntitle: 'Hi'\n---\n\n<div>body</div>\n";
/// let cut = split(post);
/// assert_eq!(cut.kind, Kind::Yaml);
/// assert_eq!(cut.header, "title: 'Hi'\n");
/// assert_eq!(cut.header_line, 3);
/// assert_eq!(cut.body, "\n<div>body</div>\n");
/// ```
pub fn split(text: &str) -> Split<'_> {
    let none = Split {
        kind: Kind::None,
        header: "",
        header_line: 0,
        body: text,
    };
    let mut offset = 0;
    let mut line_number = 1;
    // Every post of the RSS generator starts with a blank line; Hexo skips them.
    for line in text.split_inclusive('\n') {
        if !line.trim().is_empty() {
            break;
        }
        offset += line.len();
        line_number += 1;
    }
    let rest = &text[offset..];
    let first_line = rest.split_inclusive('\n').next().unwrap_or("");
    let (kind, delimiter) = match first_line.trim_end() {
        "---" => (Kind::Yaml, "---"),
        ";;;" => (Kind::Json, ";;;"),
        _ => return none,
    };
    let header_start = offset + first_line.len();
    let mut position = header_start;
    for line in text[header_start..].split_inclusive('\n') {
        if line.trim_end() == delimiter {
            return Split {
                kind,
                header: &text[header_start..position],
                header_line: line_number + 1,
                body: &text[position + line.len()..],
            };
        }
        position += line.len();
    }
    // An opening delimiter that is never closed is not a header: Hexo treats
    // the whole file as body, and so do we.
    none
}

/// The fields of a header that folio understands, plus everything else.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FrontMatter {
    /// `title`.
    pub title: Option<String>,
    /// `categories` (alias `category`) as Hexo reads it: each entry is one path.
    pub categories: Vec<Vec<String>>,
    /// `tags` (alias `tag`), flat.
    pub tags: Vec<String>,
    /// `author`.
    pub author: Option<String>,
    /// `date`, as written.
    pub date: Option<String>,
    /// `updated`, as written.
    pub updated: Option<String>,
    /// `headimg`.
    pub headimg: Option<String>,
    /// `thumbnail`.
    pub thumbnail: Option<String>,
    /// `link` (or `original_link`): the original article's URL.
    pub link: Option<String>,
    /// Every other key, kept as JSON.
    pub extra: BTreeMap<String, Value>,
}

/// The outcome of [`parse`]: the header, and what had to be guessed.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    /// The fields read.
    pub front_matter: FrontMatter,
    /// Non-fatal findings (a recovered header, say), for the report.
    pub warnings: Vec<String>,
}

/// Why a header could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FrontMatterError {
    /// The JSON header is not valid JSON.
    #[error("JSON front matter is invalid at line {line}: {message}")]
    InvalidJson {
        /// 1-based line in the file.
        line: usize,
        /// The parser's message.
        message: String,
    },
    /// The header is valid but is not a mapping of keys to values.
    #[error("front matter is not a mapping of keys to values")]
    NotAMapping,
}

/// Reads the header of a [`Split`].
///
/// # Errors
/// When a JSON header is not valid JSON, or a header is not a mapping.
/// Invalid YAML is not an error: it is recovered line by line with a warning.
pub fn parse(split: &Split<'_>) -> Result<Parsed, FrontMatterError> {
    let mut warnings = Vec::new();
    let mapping = match split.kind {
        Kind::None => Map::new(),
        Kind::Json => {
            // Hexo's `;;;` header is the inside of an object, braces optional.
            let trimmed = split.header.trim();
            let text = if trimmed.starts_with('{') {
                trimmed.to_owned()
            } else {
                format!("{{{trimmed}}}")
            };
            match serde_json::from_str::<Value>(&text) {
                Ok(Value::Object(map)) => map,
                Ok(_) => return Err(FrontMatterError::NotAMapping),
                Err(err) => {
                    return Err(FrontMatterError::InvalidJson {
                        line: split.header_line + err.line().saturating_sub(1),
                        message: err.to_string(),
                    })
                }
            }
        }
        Kind::Yaml => match YamlLoader::load_from_str(split.header) {
            Ok(documents) => match documents.into_iter().next() {
                None | Some(Yaml::Null) => Map::new(),
                Some(Yaml::Hash(hash)) => match yaml_to_json(Yaml::Hash(hash)) {
                    Value::Object(map) => map,
                    _ => return Err(FrontMatterError::NotAMapping),
                },
                Some(_) => return Err(FrontMatterError::NotAMapping),
            },
            Err(err) => {
                let line = split.header_line + err.marker().line().saturating_sub(1);
                let (map, guesses) = recover_lines(split.header);
                let mut warning = format!(
                    "front matter is not valid YAML (line {line}: {}); recovered it line by line",
                    err.info()
                );
                if !guesses.is_empty() {
                    warning.push_str(&format!(", guessing {}", guesses.join(", ")));
                }
                warnings.push(warning);
                map
            }
        },
    };
    Ok(Parsed {
        front_matter: from_mapping(mapping),
        warnings,
    })
}

/// Hexo's generator writes `&#123;`/`&#125;` for every brace in the file.
fn decode_braces(text: &str) -> String {
    text.replace("&#123;", "{").replace("&#125;", "}")
}

/// Nesting deeper than this is cut to `null`: headers are flat, and deep
/// block nesting (`- - - - …`) must not overflow the stack.
const MAX_NESTING: usize = 64;

fn yaml_to_json(yaml: Yaml) -> Value {
    yaml_to_json_at(yaml, 0)
}

fn yaml_to_json_at(yaml: Yaml, depth: usize) -> Value {
    if depth > MAX_NESTING {
        return Value::Null;
    }
    match yaml {
        Yaml::Real(text) => text
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
            .map_or(Value::String(text), Value::Number),
        Yaml::Integer(n) => Value::from(n),
        Yaml::String(text) => Value::String(text),
        Yaml::Boolean(b) => Value::Bool(b),
        Yaml::Array(items) => Value::Array(
            items
                .into_iter()
                .map(|item| yaml_to_json_at(item, depth + 1))
                .collect(),
        ),
        Yaml::Hash(hash) => Value::Object(
            hash.into_iter()
                .map(|(key, value)| {
                    (
                        scalar_text(&yaml_to_json_at(key, depth + 1)),
                        yaml_to_json_at(value, depth + 1),
                    )
                })
                .collect(),
        ),
        Yaml::Alias(_) | Yaml::Null | Yaml::BadValue => Value::Null,
    }
}

/// The text of a scalar, as a person reading the YAML would see it.
fn scalar_text(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

fn non_empty_text(value: &Value) -> Option<String> {
    match value {
        Value::Array(_) | Value::Object(_) => None,
        scalar => {
            let text = decode_braces(scalar_text(scalar).trim());
            (!text.is_empty()).then_some(text)
        }
    }
}

pub use crate::taxonomy::MAX_CATEGORY_DEPTH;

fn categories_of(value: &Value) -> Vec<Vec<String>> {
    let mut paths = categories_uncapped(value);
    for path in &mut paths {
        path.truncate(MAX_CATEGORY_DEPTH);
    }
    paths
}

fn categories_uncapped(value: &Value) -> Vec<Vec<String>> {
    match value {
        Value::Array(items) if items.iter().any(Value::is_array) => items
            .iter()
            .map(|item| match item {
                Value::Array(path) => path.iter().filter_map(non_empty_text).collect(),
                scalar => non_empty_text(scalar).into_iter().collect(),
            })
            .filter(|path: &Vec<String>| !path.is_empty())
            .collect(),
        Value::Array(items) => {
            let path: Vec<String> = items.iter().filter_map(non_empty_text).collect();
            if path.is_empty() {
                vec![]
            } else {
                vec![path]
            }
        }
        scalar => non_empty_text(scalar)
            .map(|name| vec![name])
            .into_iter()
            .collect(),
    }
}

fn tags_of(value: &Value) -> Vec<String> {
    match value {
        Value::Array(items) => items.iter().filter_map(non_empty_text).collect(),
        scalar => non_empty_text(scalar).into_iter().collect(),
    }
}

fn from_mapping(mapping: Map<String, Value>) -> FrontMatter {
    let mut front = FrontMatter::default();
    for (key, value) in mapping {
        match key.as_str() {
            "title" => front.title = non_empty_text(&value),
            "categories" | "category" => front.categories.extend(categories_of(&value)),
            "tags" | "tag" => front.tags.extend(tags_of(&value)),
            "author" => front.author = non_empty_text(&value),
            "date" => front.date = non_empty_text(&value),
            "updated" => front.updated = non_empty_text(&value),
            "headimg" => front.headimg = non_empty_text(&value),
            "thumbnail" => front.thumbnail = non_empty_text(&value),
            "link" | "original_link" => front.link = non_empty_text(&value),
            _ => {
                front.extra.insert(key, value);
            }
        }
    }
    front
}

/// Reads `key: value` lines and `- item` lists without a YAML parser, for
/// headers the generator wrote with unbalanced quotes. Returns the mapping and
/// a description of every value whose quotes had to be guessed.
fn recover_lines(header: &str) -> (Map<String, Value>, Vec<String>) {
    let mut map = Map::new();
    let mut guesses = Vec::new();
    let mut current_list: Option<String> = None;
    for line in header.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if let Some(item) = trimmed
            .strip_prefix("- ")
            .or((trimmed == "-").then_some(""))
        {
            if let Some(key) = &current_list {
                if let Some(Value::Array(items)) = map.get_mut(key) {
                    items.push(Value::String(unquote(item).0));
                }
            }
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let key = key.trim().to_owned();
        let value = value.trim();
        if value.is_empty() {
            map.insert(key.clone(), Value::Array(Vec::new()));
            current_list = Some(key);
        } else {
            let (text, guessed) = unquote(value);
            if guessed {
                guesses.push(format!("{key} = {text:?}"));
            }
            map.insert(key, Value::String(text));
            current_list = None;
        }
    }
    (map, guesses)
}

/// Strips quotes from a recovered value. Balanced single quoting is plain
/// YAML; anything else (runs of quotes, unbalanced quotes) is a guess.
fn unquote(value: &str) -> (String, bool) {
    let is_quote = |c: char| c == '"' || c == '\'';
    for quote in ['\'', '"'] {
        if let Some(inner) = value
            .strip_prefix(quote)
            .and_then(|rest| rest.strip_suffix(quote))
        {
            if !inner.contains(quote) {
                return (inner.to_owned(), false);
            }
        }
    }
    if value.starts_with(is_quote) || value.ends_with(is_quote) {
        (value.trim_matches(is_quote).trim().to_owned(), true)
    } else {
        (value.to_owned(), false)
    }
}

#[cfg(test)]
mod tests;
