/**
 * Packages a page may not need, loaded the first time one does, synchronously (rendering is): a site without raw
 * HTML or math never loads the sanitizer (parse5 and hast), KaTeX or tex2typst, which together were a good part of
 * a one-person site's build. An ES module is loaded by `require`, which Node 20.19 and later can do; an older
 * Node imports it at once instead (pass `early`), as before.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Whether this Node can `require` an ES module (20.19 and later). */
export const REQUIRES_ES_MODULES = (process.features as { require_module?: boolean }).require_module === true;

/** The package `name`, loaded on the first call; `early` when it was imported already. */
export function onDemand<T>(name: string, early?: T): () => T {
  let loaded = early;
  return () => (loaded ??= require(name) as T);
}
