//! The viewer's markdown module: a second, small wasm that the reader loads
//! only when it opens a markdown body (`src/app/markdown.rs`), so
//! pulldown-cmark never weighs on the first list. Its output is unsafe HTML,
//! which the reader sanitizes before showing it.

#[cfg(target_arch = "wasm32")]
mod exports {
    use wasm_bindgen::prelude::*;

    /// CommonMark with GFM tables and strikethrough to (unsanitized) HTML.
    #[wasm_bindgen(js_name = renderMarkdown)]
    pub fn render_markdown(source: &str) -> String {
        folio::markdown::to_html(source)
    }
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    {
        eprintln!("folio-markdown is part of the browser viewer: build it with `trunk build`");
        std::process::exit(2);
    }
}
