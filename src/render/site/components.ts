/**
 * The page components a project's theme may override (theme/components.js), in one place: their names, the
 * props each receives and what its default renders. docs/theming.md's reference is generated from this table
 * (`npx tsx scripts/theming-doc.ts`) and a test fails when the two differ, or when the props a component
 * really receives differ from the ones listed here.
 *
 * An override is a function `(props, helpers) => Html | string`: props are plain data (strings, numbers,
 * lists, and a few `Html` values already rendered safe), helpers carry the escaping `html` template and the
 * component's default rendering. See ./parts/themed.ts for how they are called.
 */
import type { Html, html, join } from './html.js';
import type { Strings } from './i18n.js';

/** The page a component is drawn on (for the components of the frame: head, header, footer, pageEnd). */
export interface PageInfo {
  /** Path of the page inside the site: "" for the home page, "people/lei-wu/", "404.html". */
  path: string;
  /** Its link, with the site's base path and language: "/pku-ml/zh/people/lei-wu/". */
  url: string;
  /** Its title, plain text. */
  title: string;
  description: string | undefined;
  /** The page's language ("en", "zh"). */
  lang: string;
  /** Which item of the main navigation it belongs to ("home", "publications", "group" ...), if any. */
  nav: string | undefined;
}

/** A link with a kind and its label in the page's language. */
export interface LinkInfo {
  kind: string;
  label: string;
  url: string;
}

/** A person of the project, as their homepage and the group page show them. */
export interface PersonInfo {
  id: string;
  /** Link to their homepage. */
  url: string;
  /** The name in the page's language. */
  name: string;
  /** The name in every script it is written in: { en: "Lei Wu", zh: "吴磊" }. */
  names: Readonly<Record<string, string>>;
  title: string | undefined;
  affiliations: readonly { name: string; institution: string | undefined; url: string | undefined }[];
  /** Plain: the default rendering obfuscates it unless vita.yaml's email.obfuscate is false. */
  email: string | undefined;
  office: string | undefined;
  phone: string | undefined;
  address: readonly string[];
  homepage: string | undefined;
  /** Link to the photo, if any. */
  photo: string | undefined;
  /** Profile links (Google Scholar, GitHub, ORCID ...) and the CV. */
  links: readonly LinkInfo[];
}

export interface AuthorInfo {
  /** The name as the list shows it (in the page's language for people of the project). */
  name: string;
  /** Id of the person when they are one of the project. */
  person: string | undefined;
  /** Link to their homepage, when they have one on the site. */
  url: string | undefined;
  /** "equal", "lead", "corresponding". */
  roles: readonly string[];
}

/** A publication, as its list item shows it. */
export interface PublicationInfo {
  /** The citation key. */
  key: string;
  /** Link to the publication's own page. */
  url: string;
  /** The title as written (it may hold Markdown and $math$). */
  title: string;
  /** The title rendered (math typeset): safe HTML. */
  titleHtml: Html;
  authors: readonly AuthorInfo[];
  /** The author list is cut short ("et al."). */
  etal: boolean;
  /** The authors are in alphabetical order. */
  alphabetical: boolean;
  /** "article", "inproceedings", "preprint" ... */
  type: string;
  /** "published", "accepted", "preprint", "under-review", "submitted", "in-preparation". */
  status: string;
  year: number;
  venue: { name: string | undefined; short: string | undefined; volume: string | undefined; number: string | undefined; pages: string | undefined } | undefined;
  /** "Spotlight", "Oral" ... */
  award: string | undefined;
  /** The abstract as written (Markdown). */
  abstract: string | undefined;
  /** The abstract rendered: safe HTML. */
  abstractHtml: Html | undefined;
  topics: readonly string[];
  selected: boolean;
  doi: string | undefined;
  arxiv: string | undefined;
  /** PDF, arXiv, DOI, code, slides ... in the order the default shows them. */
  links: readonly LinkInfo[];
  /** Its citation count from metrics/citations.yaml (`vita metrics`), never without its date; undefined when unknown. */
  citations: { count: number; source: string; asOf: string; url: string | undefined } | undefined;
}

/** A news item. */
export interface NewsInfo {
  id: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string;
  /** The headline as written (Markdown), if any. */
  title: string | undefined;
  /** The headline rendered: safe HTML. */
  titleHtml: Html | undefined;
  /** The body as written (Markdown). */
  body: string | undefined;
  /** The body rendered: safe HTML. */
  bodyHtml: Html | undefined;
  lang: string | undefined;
  /** The people it is about. */
  people: readonly { id: string; name: string; url: string }[];
  /** The publications it is about. */
  publications: readonly { key: string; title: string; titleHtml: Html; url: string; venue: string | undefined }[];
}

/** The props of each component. */
export interface ComponentProps {
  head: { page: PageInfo };
  header: {
    page: PageInfo;
    siteName: string;
    homeUrl: string;
    nav: readonly { key: string; label: string; url: string; current: boolean }[];
    searchUrl: string;
    languages: readonly { lang: string; label: string; url: string }[];
  };
  footer: { page: PageInfo; siteName: string; feedUrl: string | undefined; year: number };
  pageEnd: { page: PageInfo };
  personHero: { person: PersonInfo };
  publicationItem: { publication: PublicationInfo; id: string; number: number | undefined; owner: string | undefined; ownerIsAuthor: boolean; compact: boolean };
  newsItem: { news: NewsInfo; showPeople: boolean };
  personCard: { person: PersonInfo; role: string | undefined; roleLabel: string | undefined; years: string | undefined };
}

export type ComponentName = keyof ComponentProps;

/** What an override receives besides its props. */
export interface ComponentHelpers {
  /** The escaping template: every value put in it is escaped, unless it is itself made by `html` (or `raw`). */
  html: typeof html;
  /** Markup written in the theme's own file, trusted as it is: never for text that comes from the record. */
  raw: (markup: string) => Html;
  /** Items joined by a separator, escaped as `html` escapes them. */
  join: typeof join;
  /** The link to a path of the site ("people/lei-wu/", "assets/logo.svg" with { asset: true }); full URLs are kept as they are. */
  url: (path: string, options?: { asset?: boolean; lang?: string }) => string;
  /** The words of the interface in the page's language (t.publications, t.news ...). */
  t: Readonly<Strings>;
  /** The page's language. */
  lang: string;
  /** What vita renders for this component, already safe HTML: return it, wrap it, or add to it. */
  readonly default: Html;
}

/** An override: plain data in, markup out (an `Html` made with helpers.html; a string is shown as text). */
export type ComponentOverride<N extends ComponentName = ComponentName> = (props: ComponentProps[N], helpers: ComponentHelpers) => Html | string;

export type ComponentOverrides = { readonly [N in ComponentName]?: ComponentOverride<N> };

/** How a component is documented. */
interface ComponentSpec {
  /** Where it is drawn. */
  where: string;
  /** What the default renders. */
  renders: string;
  /** Each prop, with a few words on it; a shape's name in backquotes refers to SHAPES. */
  props: Record<string, string>;
}

/** The shapes of data shared by several components, documented once. */
export const SHAPES = {
  PageInfo: {
    about: 'The page a component of the frame is drawn on.',
    fields: {
      path: 'path inside the site: `""` for the home page, `"people/lei-wu/"`, `"404.html"`',
      url: 'its link, with the base path and language: `"/pku-ml/zh/people/lei-wu/"`',
      title: 'its title, plain text',
      description: 'its description, plain text, if any',
      lang: 'its language: `"en"`, `"zh"`',
      nav: 'the item of the main navigation it belongs to (`"home"`, `"publications"`, `"group"`, `"news"` ...), if any',
    },
  },
  PersonInfo: {
    about: 'A person of the project.',
    fields: {
      id: 'their id (the file name: `"lei-wu"`)',
      url: 'link to their homepage',
      name: 'the name in the page\'s language',
      names: 'the name in every script: `{ en: "Lei Wu", zh: "吴磊" }`',
      title: 'job title, if any',
      affiliations: 'list of `{ name, institution, url }`',
      email: 'the address, plain (the default obfuscates it)',
      office: 'office, if any',
      phone: 'phone, if any',
      address: 'postal address, one line per item',
      homepage: 'an outside homepage, if any',
      photo: 'link to the photo, if any',
      links: 'profile links and the CV: list of `LinkInfo`',
    },
  },
  PublicationInfo: {
    about: 'A publication.',
    fields: {
      key: 'the citation key',
      url: 'link to the publication\'s own page',
      title: 'the title as written (may hold Markdown and `$math$`)',
      titleHtml: 'the title rendered, math typeset: safe HTML',
      authors: 'list of `{ name, person, url, roles }`: `person` is the id of a person of the project, `url` their homepage, `roles` among `"equal"`, `"lead"`, `"corresponding"`',
      etal: 'whether the author list is cut short ("et al.")',
      alphabetical: 'whether the authors are in alphabetical order',
      type: '`"article"`, `"inproceedings"`, `"preprint"` ...',
      status: '`"published"`, `"accepted"`, `"preprint"`, `"under-review"`, `"submitted"`, `"in-preparation"`',
      year: 'the year, a number',
      venue: '`{ name, short, volume, number, pages }`, if any',
      award: '`"Spotlight"`, `"Oral"` ..., if any',
      abstract: 'the abstract as written (Markdown), if any',
      abstractHtml: 'the abstract rendered: safe HTML, if any',
      topics: 'list of topics',
      selected: 'whether it is marked `selected`',
      doi: 'DOI, if any',
      arxiv: 'arXiv id, if any',
      links: 'PDF, arXiv, DOI, code, slides ...: list of `LinkInfo`, in the order the default shows them',
      citations: 'its citation count `{ count, source, asOf, url }` (asOf: YYYY-MM-DD), from metrics/citations.yaml; undefined when unknown',
    },
  },
  NewsInfo: {
    about: 'A news item.',
    fields: {
      id: 'its id (from the file name)',
      date: '`YYYY`, `YYYY-MM` or `YYYY-MM-DD`',
      title: 'the headline as written (Markdown), if any',
      titleHtml: 'the headline rendered: safe HTML, if any',
      body: 'the body as written (Markdown), if any',
      bodyHtml: 'the body rendered: safe HTML, if any',
      lang: 'the language it is written in, if it says',
      people: 'the people it is about: list of `{ id, name, url }`',
      publications: 'the publications it is about: list of `{ key, title, titleHtml, url, venue }` (`venue` is the short name)',
    },
  },
  LinkInfo: {
    about: 'A link.',
    fields: {
      kind: '`"pdf"`, `"arxiv"`, `"code"`, `"scholar"`, `"github"`, `"cv"` ...',
      label: 'its label in the page\'s language',
      url: 'the link',
    },
  },
} as const satisfies Record<string, { about: string; fields: Record<string, string> }>;

/** The components, in the order a page draws them. */
export const COMPONENTS = {
  head: {
    where: 'every page, at the end of `<head>`',
    renders: 'nothing: what the override returns is added (meta tags, fonts, a stylesheet)',
    props: { page: '`PageInfo`' },
  },
  header: {
    where: 'every page, at the top',
    renders: 'the site\'s name, the main navigation, search, the other languages and the light/dark switch',
    props: {
      page: '`PageInfo`',
      siteName: 'the group\'s or the owner\'s name',
      homeUrl: 'link to the home page',
      nav: 'the main navigation: list of `{ key, label, url, current }`',
      searchUrl: 'link to the search page',
      languages: 'the site\'s other languages: list of `{ lang, label, url }` (the same page in that language)',
    },
  },
  personHero: {
    where: 'a person\'s homepage, at the top',
    renders: 'photo, name in every script, title, affiliations, office, email, phone, address and profile links',
    props: { person: '`PersonInfo`' },
  },
  personCard: {
    where: 'the group page and the group\'s home page: one member',
    renders: 'an `<li class="card">`: photo, name, title or affiliation, years',
    props: {
      person: '`PersonInfo`',
      role: 'their role in the group (`"phd"`, `"postdoc"` ...), if the card is in a list by role',
      roleLabel: 'the role as the page names it ("PhD students"), if any',
      years: 'their years in the group ("2021–"), if known',
    },
  },
  publicationItem: {
    where: 'every publication list (full lists, selected publications, research pages, CV pages): one entry',
    renders: 'an `<li class="pub">`: venue badge, title, authors with their marks, venue, award, links, abstract and BibTeX; on CV pages an `<li class="pub compact">`: one citation and the links',
    props: {
      publication: '`PublicationInfo`',
      id: 'the `id` vita gives the item (`"pub-12"` in a numbered list): keep it on your `<li>` so that citations ([12]) and links to the item still find it',
      number: 'its number in a numbered list ([12]), if any',
      owner: 'the id of the person whose list it is, if any',
      ownerIsAuthor: 'whether that person is an author (their name is in bold)',
      compact: 'true on CV pages, where vita renders the entry as one citation (authors, title, venue, year, links) without abstract and BibTeX',
    },
  },
  newsItem: {
    where: 'news lists (the news page, homepages): one item',
    renders: 'an `<li class="news-item">`: date, headline, body, and links to the papers and people it is about',
    props: { news: '`NewsInfo`', showPeople: 'whether the list names the people (group pages)' },
  },
  footer: {
    where: 'every page, at the bottom',
    renders: '"© name · Atom feed · Made with vita"',
    props: { page: '`PageInfo`', siteName: 'the group\'s or the owner\'s name', feedUrl: 'link to the news feed, if there is one', year: 'the year of the build' },
  },
  pageEnd: {
    where: 'every page, just before `</body>`',
    renders: 'nothing: what the override returns is added (an analytics snippet, a script)',
    props: { page: '`PageInfo`' },
  },
} as const satisfies Record<ComponentName, ComponentSpec>; // every component of ComponentProps, and nothing else

export const COMPONENT_NAMES = Object.keys(COMPONENTS) as ComponentName[];

export function isComponentName(name: string): name is ComponentName {
  return Object.hasOwn(COMPONENTS, name);
}

/** The reference part of docs/theming.md: each component with its props, then the shapes they use. */
export function componentsMarkdown(): string {
  const lines: string[] = [];
  for (const name of COMPONENT_NAMES) {
    const spec: ComponentSpec = COMPONENTS[name];
    lines.push(`### \`${name}\``, '', `Where: ${spec.where}. Default: ${spec.renders}.`, '', '| prop | what it holds |', '| --- | --- |');
    for (const [prop, about] of Object.entries(spec.props)) lines.push(`| \`${prop}\` | ${about.replace(/\|/g, '\\|')} |`);
    lines.push('');
  }
  for (const [name, shape] of Object.entries(SHAPES)) {
    lines.push(`### \`${name}\``, '', shape.about, '', '| field | what it holds |', '| --- | --- |');
    for (const [field, about] of Object.entries(shape.fields)) lines.push(`| \`${field}\` | ${(about as string).replace(/\|/g, '\\|')} |`);
    lines.push('');
  }
  return lines.join('\n');
}

/** Markers around the generated part of docs/theming.md. */
export const DOC_START = '<!-- components: generated from src/render/site/components.ts by scripts/theming-doc.ts; do not edit by hand -->';
export const DOC_END = '<!-- /components -->';
