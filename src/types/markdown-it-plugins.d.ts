// markdown-it plugins that ship no types: each is a function markdown-it's `use` takes.
declare module 'markdown-it-emoji' {
  import type MarkdownIt from 'markdown-it';
  type Plugin = (md: MarkdownIt, options?: { shortcuts?: Record<string, string | string[]>; defs?: Record<string, string> }) => void;
  export const full: Plugin;
  export const light: Plugin;
  export const bare: Plugin;
}
declare module 'markdown-it-deflist' {
  import type MarkdownIt from 'markdown-it';
  const plugin: (md: MarkdownIt) => void;
  export default plugin;
}
