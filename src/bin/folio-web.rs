//! The viewer's WebAssembly entry point; Trunk builds it (`data-bin="folio-web"`).
//!
//! On start it mounts a viewer into every `[data-folio]` element of the page;
//! `public/folio.js` wraps the exported [`mount`] as `folio.mount()` for pages
//! that mount viewers themselves.

#[cfg(target_arch = "wasm32")]
mod exports {
    use folio::app::mount::{mount_with, MountedViewer};
    use folio::embed::{ViewerOptions, OPTION_NAMES};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    /// A viewer mounted by `mount`; `unmount()` removes it.
    #[wasm_bindgen]
    pub struct Viewer(MountedViewer);

    #[wasm_bindgen]
    impl Viewer {
        /// Removes the viewer's nodes and listeners from the page.
        pub fn unmount(&mut self) {
            self.0.unmount();
        }
    }

    /// Mounts a viewer into `element` with `options`, an object with the
    /// keys of `folio::embed::OPTION_NAMES` (strings; `height` may be a
    /// number of pixels). Fails when the element already has a viewer.
    #[wasm_bindgen]
    pub fn mount(element: web_sys::HtmlElement, options: JsValue) -> Result<Viewer, JsError> {
        let (options, warnings) = ViewerOptions::read(|name| option(&options, name));
        for warning in warnings {
            leptos::logging::warn!("{warning}");
        }
        mount_with(element, options).map(Viewer).ok_or_else(|| {
            JsError::new("folio.mount: this element already shows a viewer; unmount it first")
        })
    }

    /// One option's value as a string; numbers are written in base 10
    /// (`js_sys::Number::to_string`, not Rust's float formatting, which would
    /// add kilobytes to the wasm).
    fn option(options: &JsValue, name: &str) -> Option<String> {
        debug_assert!(OPTION_NAMES.contains(&name));
        let value = js_sys::Reflect::get(options, &JsValue::from_str(name)).ok()?;
        if let Some(text) = value.as_string() {
            return Some(text);
        }
        let number = value.dyn_ref::<js_sys::Number>()?;
        number.to_string_with_radix(10).ok().map(String::from)
    }

    pub fn start() {
        folio::app::mount::mount_all();
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    exports::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("folio-web is the browser viewer: build it with `trunk build` (see README.md)");
    std::process::exit(2);
}
