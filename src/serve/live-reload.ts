/** The few lines the dev server adds to every page: reload when the page changed, show errors in an overlay. */
export const LIVE_PATH = '/__vita/live.js';
export const EVENTS_PATH = '/__vita/events';

export const LIVE_SCRIPT = `(() => {
  // A path with a stray "%" is not an escape: compare it as written rather than throw.
  const here = () => { let p = location.pathname; try { p = decodeURI(p); } catch {} return p.replace(/index\\.html$/, ''); };
  let overlay;
  const show = (report) => {
    if (!overlay) {
      overlay = document.createElement('div');
      overlay.setAttribute('role', 'alert');
      overlay.style.cssText = 'position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;margin:0;padding:1rem 1.25rem;background:#1d1f21;color:#f8f8f2;font:13px/1.5 ui-monospace,monospace;border-top:4px solid #e5484d;white-space:pre-wrap';
      document.body.append(overlay);
    }
    overlay.textContent = 'vita: the page shows the last good build.\\n\\n' + report;
  };
  const hide = () => { overlay?.remove(); overlay = undefined; };
  const source = new EventSource(${JSON.stringify(EVENTS_PATH)});
  source.addEventListener('built', (e) => {
    const { changed, errors } = JSON.parse(e.data);
    if (errors) return show(errors);
    hide();
    const page = here();
    if (changed === '*' || changed.some((p) => p === page || !p.endsWith('/'))) location.reload();
  });
})();
`;

/** Adds the live-reload script to an HTML page, just before </body>. */
export function withLiveReload(html: string): string {
  const tag = `<script src="${LIVE_PATH}" defer></script>`;
  const at = html.lastIndexOf('</body>');
  return at < 0 ? html + tag : html.slice(0, at) + tag + html.slice(at);
}
