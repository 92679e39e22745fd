//! folio: read a folder of feed-generated Hexo posts anywhere.
//!
//! The crate is a DOM-free core shared by two front ends:
//!
//! - [`article`]: the article model; [`bundle`]: the JSON bundle format that
//!   carries articles from the bundler to the viewer.
//! - Native only (the bundler): [`front_matter`] reads Hexo headers, [`date`]
//!   reads the dates found in them, [`post`] turns one file into an article,
//!   [`bundler`] walks a folder of posts.
//! - [`route`]: the viewer's hash routes, parsed and built in one place.
//! - `app` (wasm32 only): the Leptos viewer, a thin layer over the above.
//!
//! Imports point down toward `article`; nothing in the core imports `app`.

pub mod age;
pub mod article;
pub mod bundle;
pub mod embed;
pub mod i18n;
pub mod list_markup;
pub mod listing;
pub mod markdown;
pub mod reading_state;
pub mod route;
pub mod sanitize;
pub mod script;
pub mod search;
pub mod taxonomy;
pub mod theme;

#[cfg(not(target_arch = "wasm32"))]
pub mod bundler;
#[cfg(not(target_arch = "wasm32"))]
pub mod date;
#[cfg(not(target_arch = "wasm32"))]
pub mod derive;
#[cfg(not(target_arch = "wasm32"))]
pub mod front_matter;
#[cfg(not(target_arch = "wasm32"))]
pub mod post;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod event_loop;
