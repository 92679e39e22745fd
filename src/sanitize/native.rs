//! The bundler's enforcer: a counting pass, then ammonia.

use super::policy::{self, FORCED_ATTRIBUTES, LINK_REL};
use super::{Removed, SafeHtml};
use ammonia::{Builder, Url, UrlRelative};
use lol_html::{doc_comments, element, rewrite_str, RewriteStrSettings};
use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

/// A sanitized body and what the policy took out of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cleaned {
    /// The HTML that may be rendered.
    pub html: SafeHtml,
    /// Counts of what was removed, by kind.
    pub removed: Removed,
}

/// Sanitizes `html` under the policy. Relative URLs are resolved against
/// `base` (the post's original link) when given, and kept relative otherwise.
///
/// Never fails: what cannot be judged is removed.
///
/// ```
/// let cleaned = folio::sanitize::clean(r#"<p onclick="x()">hi<script>evil()</script></p>"#, None);
/// assert_eq!(cleaned.html.as_str(), "<p>hi</p>");
/// assert_eq!(cleaned.removed["script"], 1);
/// assert_eq!(cleaned.removed["event-handler"], 1);
/// ```
pub fn clean(html: &str, base: Option<&str>) -> Cleaned {
    let removed = RefCell::new(Removed::new());
    // lol_html's tokenizer is lenient and has no memory limit here, so this
    // does not fail in practice; if it ever does, nothing is kept.
    let Ok(prepared) = prepare(html, &removed) else {
        let mut removed = Removed::new();
        removed.insert("unparseable".to_owned(), 1);
        return Cleaned {
            html: SafeHtml(String::new()),
            removed,
        };
    };
    let base = base.and_then(|link| Url::parse(link).ok());
    // Building the policy's sets costs about as much as cleaning a short
    // post, so each thread keeps one builder and only swaps the base URL.
    let safe = BUILDER.with(|builder| {
        let mut builder = builder.borrow_mut();
        builder.url_relative(match base {
            Some(base) => UrlRelative::RewriteWithBase(base),
            None => UrlRelative::PassThrough,
        });
        builder.clean(&prepared).to_string()
    });
    Cleaned {
        html: SafeHtml(safe),
        removed: removed.into_inner(),
    }
}

fn count(removed: &RefCell<Removed>, kind: &str) {
    *removed.borrow_mut().entry(kind.to_owned()).or_insert(0) += 1;
}

/// The kind a dropped tag is reported under.
fn kind_of_dropped_tag(tag: &str) -> &str {
    match tag {
        "button" | "select" | "textarea" | "option" | "datalist" | "input" | "form" => "form",
        other => other,
    }
}

/// Removes what ammonia cannot judge alone, counts everything the policy
/// will remove, rewrites protocol-relative URLs to HTTPS and sets the forced
/// attributes (here rather than in ammonia, whose forced attributes come out
/// in hash order: the bundle must be byte-identical run to run).
fn prepare(
    html: &str,
    removed: &RefCell<Removed>,
) -> Result<String, lol_html::errors::RewritingError> {
    rewrite_str(
        html,
        RewriteStrSettings {
            element_content_handlers: vec![element!("*", |el| {
                let tag = el.tag_name();
                if policy::is_dropped_with_content(&tag) || matches!(tag.as_str(), "form" | "input")
                {
                    count(removed, kind_of_dropped_tag(&tag));
                    if tag == "form" {
                        el.remove_and_keep_content();
                    } else {
                        el.remove();
                    }
                    return Ok(());
                }
                if tag == "iframe"
                    && !el
                        .get_attribute("src")
                        .is_some_and(|src| policy::is_allowed_iframe_src(&src))
                {
                    count(removed, "iframe");
                    el.remove();
                    return Ok(());
                }
                if tag == "img"
                    && policy::is_tracking_pixel(
                        el.get_attribute("width").as_deref(),
                        el.get_attribute("height").as_deref(),
                    )
                {
                    count(removed, "tracking-pixel");
                    el.remove();
                    return Ok(());
                }
                let mut protocol_relative = Vec::new();
                for attribute in el.attributes() {
                    let name = attribute.name();
                    let value = attribute.value();
                    if policy::is_event_handler(&name) {
                        count(removed, "event-handler");
                    } else if name == "style" {
                        count(removed, "style-attribute");
                    } else if policy::URL_ATTRIBUTES.contains(&name.as_str()) {
                        if !policy::is_allowed_url(&tag, &name, &value) {
                            count(removed, "unsafe-url");
                        } else if value.trim_start().starts_with("//") {
                            protocol_relative.push((name, value));
                        }
                    }
                }
                for (name, value) in protocol_relative {
                    el.set_attribute(&name, &format!("https:{}", value.trim_start()))?;
                }
                for (_, attribute, value) in FORCED_ATTRIBUTES.iter().filter(|(t, _, _)| *t == tag)
                {
                    el.set_attribute(attribute, value)?;
                }
                Ok(())
            })],
            document_content_handlers: vec![doc_comments!(|comment| {
                count(removed, "comment");
                comment.remove();
                Ok(())
            })],
            ..RewriteStrSettings::new()
        },
    )
}

thread_local! {
    /// The policy as an ammonia builder, one per (rayon) thread.
    static BUILDER: RefCell<Builder<'static>> = RefCell::new(builder());
}

fn builder() -> Builder<'static> {
    let mut tag_attributes: HashMap<&str, HashSet<&str>> = policy::TAG_ATTRIBUTES
        .iter()
        .map(|(tag, attributes)| (*tag, attributes.iter().copied().collect()))
        .collect();
    for (tag, attribute, _) in FORCED_ATTRIBUTES {
        tag_attributes.entry(tag).or_default().insert(attribute);
    }
    let mut builder = Builder::empty();
    builder
        .tags(policy::ALLOWED_TAGS.iter().copied().collect())
        .clean_content_tags(policy::DROPPED_WITH_CONTENT.iter().copied().collect())
        .generic_attributes(policy::GENERIC_ATTRIBUTES.iter().copied().collect())
        .tag_attributes(tag_attributes)
        .url_schemes(policy::URL_SCHEMES.iter().copied().collect())
        .link_rel(Some(LINK_REL))
        .strip_comments(true)
        .attribute_filter(|tag, attribute, value| {
            if let Some((_, _, forced)) = FORCED_ATTRIBUTES
                .iter()
                .find(|(t, a, _)| *t == tag && *a == attribute)
            {
                return Some(Cow::Borrowed(*forced));
            }
            let allowed = match (tag, attribute) {
                ("iframe", "src") => policy::is_allowed_iframe_src(value),
                (_, "srcset") => {
                    policy::srcset_urls(value).all(|url| policy::is_allowed_url(tag, "src", url))
                }
                _ if policy::URL_ATTRIBUTES.contains(&attribute) => {
                    policy::is_allowed_url(tag, attribute, value)
                }
                _ => true,
            };
            allowed.then_some(Cow::Borrowed(value))
        });
    builder
}

#[cfg(test)]
mod tests;
