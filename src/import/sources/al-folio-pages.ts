/**
 * al-folio's pages beyond About, Publications, CV, News and Projects (_pages/teaching.md, people.md, repositories.md,
 * a page of the owner's own): carried as pages of the project with their title, address and place in the menu. A page
 * that is a list of talks or courses is read as talks or teaching; the template's demo text is left out.
 */
import { basename } from 'node:path';
import { leaveOut, note, type ImportBundle } from '../bundle.js';
import { pageListsIntoBundle, proseOf } from '../academicpages-pages.js';
import { carryPage, pageAddress } from '../site-pages.js';
import { str } from '../text.js';
import { listFiles, readFrontMatterFile, stripLiquid, type SiteFiles } from './common.js';

/** The pages vita makes itself from the record (or that are al-folio's machinery): not carried as pages. */
const OWN_PAGES = /^(about|publications|cv|news|projects|blog|404|dropdown|_?index)$/i;
/** Paragraphs of al-folio's demo pages. */
const TEMPLATE_TEXT = [
  /Replace this text with your description/i,
  /this page is assumed to be a static description of your courses/i,
  /Edit the `?_data\/repositories\.yml`?/i,
  /members of the lab or group/i,
  /Lorem ipsum dolor sit amet/i,
];
/** A page about talks or courses, whose list items are talks or teaching. */
const LIST_PAGE = /talks?|presentations?|lectures?|seminars?|teaching|courses?/i;

export function readAlFolioPages(root: string, bundle: ImportBundle, files: SiteFiles, site: Record<string, unknown>, owner: string | undefined, ownerName: string | undefined): void {
  for (const file of listFiles(root, '_pages', ['.md', '.markdown', '.html'], true)) {
    const doc = readFrontMatterFile(root, file, bundle);
    if (!doc) continue;
    const permalink = str(doc.data.permalink);
    const address = pageAddress(permalink, file);
    const stem = basename(file).replace(/\.[^.]+$/, '');
    if (OWN_PAGES.test(stem) || OWN_PAGES.test(address || 'index') || doc.data.dropdown === true) continue;
    const origin = { file, line: doc.bodyLine };
    if (doc.data.published === false) {
      leaveOut(bundle, 'pages', 'not published (published: false)');
      note(bundle, 'info', origin, 'unpublished', `${file} has \`published: false\`: the site does not show it, and it was not imported`);
      continue;
    }
    const title = str(doc.data.title) ?? stem;
    // The template's paragraphs out, paragraph by paragraph: what remains is the owner's.
    const paragraphs = doc.body.split(/\n\s*\n/);
    const own = paragraphs.filter((p) => !TEMPLATE_TEXT.some((re) => re.test(p)));
    const body = own.join('\n\n');
    const description = str(doc.data.description);
    if (own.length < paragraphs.length && !stripLiquid(body).text.trim()) {
      leaveOut(bundle, 'pages', "the template's demo");
      note(bundle, 'info', origin, 'demo-content', `the page "${title}" (${file}) is still al-folio's demo; it was left out`);
      continue;
    }
    // Talks and courses written as a list: read where vita keeps them. The page is kept too if it says more.
    if (LIST_PAGE.test(`${title} ${address}`)) {
      const plain = stripLiquid(body).text;
      const items = pageListsIntoBundle({ file, title, body: plain, bodyLine: doc.bodyLine }, bundle, owner, ownerName);
      if (items && proseOf(plain).length < 120) {
        const kind = /teaching|course/i.test(`${title} ${address}`) ? 'teaching' : 'talks';
        leaveOut(bundle, 'pages', `read as ${kind} (a list)`);
        note(bundle, 'info', origin, 'page-read-as-list', `the page "${title}" (${file}) is a list: its ${items} item${items === 1 ? ' was' : 's were'} read as the owner's ${kind}, and vita makes that page itself`);
        continue;
      }
    }
    carryPage(bundle, files, {
      file,
      line: doc.bodyLine,
      title,
      permalink,
      menu: doc.data.nav === true,
      order: typeof doc.data.nav_order === 'number' ? doc.data.nav_order : undefined,
      description: description && !TEMPLATE_TEXT.some((re) => re.test(description)) ? description : undefined,
      body,
    }, site);
  }
}
