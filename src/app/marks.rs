//! Marks a search's matches in an article body that is already in the page
//! (the reader opened from a search), with the same matcher as titles and
//! snippets (`search::matcher::highlight`). It walks text nodes only, so the
//! sanitized markup is never re-parsed; a match that crosses an element
//! boundary (`中<b>俄</b>`) is not marked.

use crate::search::matcher::highlight;
use crate::search::Query;
use leptos::prelude::document;

/// `NodeFilter.SHOW_TEXT`.
const SHOW_TEXT: u32 = 4;

/// Wraps each match of `query` in the text under `container` in `<mark>`;
/// returns how many marks were added.
pub fn mark_matches(container: &web_sys::Element, query: &Query) -> usize {
    if query.is_empty() {
        return 0;
    }
    let document = document();
    let Ok(walker) = document.create_tree_walker_with_what_to_show(container, SHOW_TEXT) else {
        return 0;
    };
    // Collect first: replacing nodes while walking would derail the walker.
    let mut texts = Vec::new();
    while let Ok(Some(node)) = walker.next_node() {
        texts.push(node);
    }
    let mut marks = 0;
    for node in texts {
        let (Some(content), Some(parent)) = (node.text_content(), node.parent_node()) else {
            continue;
        };
        let runs = highlight(&content, query);
        if !runs.iter().any(|(_, is_match)| *is_match) {
            continue;
        }
        for (text, is_match) in runs {
            let piece: web_sys::Node = if is_match {
                let Ok(mark) = document.create_element("mark") else {
                    return marks;
                };
                mark.set_text_content(Some(&text));
                marks += 1;
                mark.into()
            } else {
                document.create_text_node(&text).into()
            };
            let _ = parent.insert_before(&piece, Some(&node));
        }
        let _ = parent.remove_child(&node);
    }
    marks
}
