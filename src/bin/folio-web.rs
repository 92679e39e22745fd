//! The viewer's WebAssembly entry point; Trunk builds it (`data-bin="folio-web"`).

#[cfg(target_arch = "wasm32")]
fn main() {
    folio::app::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("folio-web is the browser viewer: build it with `trunk build` (see README.md)");
    std::process::exit(2);
}
