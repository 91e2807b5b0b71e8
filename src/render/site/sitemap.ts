/** sitemap.xml (every page but the 404) and robots.txt pointing at it. */
import { absoluteUrl, url, type Site } from './context.js';
import { escapeHtml } from './html.js';

/** Pages by their path inside the site ("people/lei-wu/", "zh/people/lei-wu/"). */
export function sitemap(site: Site, pagePaths: string[]): string {
  const loc = (p: string) => (site.absoluteBase ? new URL(p, site.absoluteBase).href : url(site, p, { asset: true }));
  const entries = [...pagePaths].sort().map((p) => `  <url><loc>${escapeHtml(loc(p))}</loc></url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('\n')}\n</urlset>\n`;
}

export function robots(site: Site): string {
  const map = absoluteUrl(site, 'sitemap.xml', { asset: true }) ?? url(site, 'sitemap.xml', { asset: true });
  return `User-agent: *\nAllow: /\n\nSitemap: ${map}\n`;
}
