/**
 * A Hugo Blox site's plain pages (content/contact.md, content/teaching/_index.md with text of their own): carried as
 * pages of the project at the address Hugo gives them, in the menu where the site's menu has them. Landing pages
 * (widget blocks), sections whose pages are read one by one (publications, events, news), and pages that are a list
 * of talks (read as talks) are not pages of the project.
 */
import { posix } from 'node:path';
import { leaveOut, note, type ImportBundle } from './bundle.js';
import { readHugoFrontMatter } from './lenient-yaml.js';
import { carryPage } from './site-pages.js';
import { sectionPages, TALK_WORDS } from './hugo-talk-lists.js';
import { readYamlFile, type SiteFiles } from './sources/common.js';
import { isRecord, list, str } from './text.js';

export function readHugoPages(root: string, bundle: ImportBundle, files: SiteFiles, config: Record<string, unknown>): void {
  // Hugo Blox keeps the menu in config/_default/menus.yaml; older sites in the main configuration.
  const menus = readYamlFile(root, 'config/_default/menus.yaml', bundle);
  const menu = menuEntries(isRecord(menus) ? { menus } : config);
  for (const file of sectionPages(root)) {
    if (file === 'content/_index.md' || file.startsWith('content/home/')) continue;
    const doc = readHugoFrontMatter(root, file, bundle);
    if (!doc) continue;
    const d = doc.data;
    // A landing page is made of widget blocks (read for their talks elsewhere), a headless page is not a page.
    if (d.type === 'landing' || d.type === 'widget_page' || Array.isArray(d.sections) || d.widget || d.headless === true) continue;
    const origin = { file, line: doc.bodyLine };
    const title = str(d.title) ?? posix.basename(file).replace(/\.md$/, '');
    if (d.draft === true) {
      leaveOut(bundle, 'pages', 'a draft (draft: true)');
      note(bundle, 'info', origin, 'unpublished', `${file} is a draft: Hugo does not build it, and it was not imported`);
      continue;
    }
    if (TALK_WORDS.test(`${file.replace(/^content\//, '')} ${title}`)) {
      leaveOut(bundle, 'pages', 'read as talks (a list)');
      continue;
    }
    // Hugo's address: the url or slug it is given, else its place in content/.
    const path = file.replace(/^content\//, '').replace(/(^|\/)_?index\.md$/, '').replace(/\.md$/, '');
    const permalink = str(d.url) ?? (str(d.slug) ? posix.join(posix.dirname(path), str(d.slug)!) : path);
    // {{< figure src=... caption=... >}} is an image; any other shortcode is taken out and said so.
    const figures = doc.body.replace(/\{\{<\s*figure\s+([^>]*?)\s*>\}\}/g, (whole, args: string) => {
      const src = /\bsrc\s*=\s*["']([^"']+)["']/.exec(args)?.[1];
      return src ? `![${/\b(?:alt|caption|title)\s*=\s*["']([^"']*)["']/.exec(args)?.[1] ?? ''}](${src})` : whole;
    });
    const shortcodes = (figures.match(/\{\{[<%][\s\S]*?[>%]\}\}/g) ?? []).length;
    const body = figures.replace(/\{\{[<%][\s\S]*?[>%]\}\}/g, '');
    const inMenu = menu.get(`/${path}/`.replace(/\/+/g, '/')) ?? frontMatterMenu(d.menu);
    const carried = carryPage(bundle, files, {
      file,
      line: doc.bodyLine,
      title,
      permalink,
      menu: inMenu !== undefined,
      order: inMenu?.weight ?? (typeof d.weight === 'number' ? d.weight : undefined),
      description: str(d.summary) ?? str(d.description),
      body,
      base: posix.dirname(file),
    });
    if (carried && shortcodes) note(bundle, 'warning', origin, 'shortcodes', `${shortcodes} Hugo shortcode${shortcodes === 1 ? ' was' : 's were'} taken out of the page "${title}" (vita does not run Hugo)`, `look at pages/${carried}.md and write by hand what they made.`);
  }
}

/** The site's main menu (menus.main or menu.main in the configuration): url -> its weight. */
function menuEntries(config: Record<string, unknown>): Map<string, { weight?: number }> {
  const out = new Map<string, { weight?: number }>();
  const menus = isRecord(config.menus) ? config.menus : isRecord(config.menu) ? config.menu : {};
  for (const entry of list(menus.main)) {
    if (!isRecord(entry)) continue;
    const url = str(entry.url) ?? str(entry.pageRef);
    if (!url || url.includes('#')) continue;
    out.set(`/${url.replace(/^\/+|\/+$/g, '')}/`.replace(/\/+/g, '/'), { weight: typeof entry.weight === 'number' ? entry.weight : undefined });
  }
  return out;
}

/** `menu: main`, or `menu: { main: { weight: 20 } }` in a page's front matter. */
function frontMatterMenu(value: unknown): { weight?: number } | undefined {
  if (value === 'main') return {};
  if (isRecord(value) && isRecord(value.main)) return { weight: typeof value.main.weight === 'number' ? value.main.weight : undefined };
  return undefined;
}
