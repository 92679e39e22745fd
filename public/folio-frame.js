// Sizes folio iframes to their content, for host pages that embed the viewer
// with a hard boundary (embed.html in an iframe):
//
//   <iframe data-folio-frame src="https://viewer.example/embed.html" title="Articles"></iframe>
//   <script type="module" src="https://viewer.example/folio-frame.js"></script>
//
// A height is believed only from the frame's own window and origin.
addEventListener("message", (event) => {
  const { data } = event;
  if (data?.type !== "folio:height" || !Number.isFinite(data.height)) return;
  for (const frame of document.querySelectorAll("iframe[data-folio-frame]")) {
    if (frame.contentWindow !== event.source) continue;
    if (new URL(frame.src, document.baseURI).origin !== event.origin) continue;
    frame.style.height = `${Math.ceil(Math.max(0, data.height))}px`;
  }
});
