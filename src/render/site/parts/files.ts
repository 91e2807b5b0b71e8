/** Files of the project that pages link to (photos, PDFs): copied into the site at the same path. */
import { posix } from 'node:path';
import { decodePath } from '../../../text/uri.js';
import { url, type Site } from '../context.js';

/** Whether a link target is a path inside the project rather than a web address. */
export function isProjectPath(target: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('#') && !target.startsWith('//');
}

/** The project-relative path of a local link ("assets/x.pdf", "/assets/x.pdf", "../x.pdf" from a prose file). */
export function projectPath(target: string, base = ''): string | undefined {
  const clean = target.split(/[?#]/)[0]!;
  if (!clean) return undefined;
  const decoded = decodePath(clean);
  const resolved = decoded.startsWith('/') ? posix.normalize(decoded.slice(1)) : posix.normalize(posix.join(base, decoded));
  // Never reach outside the project.
  if (resolved.startsWith('..') || posix.isAbsolute(resolved)) return undefined;
  return resolved;
}

/** The site URL of a link: a file of the project becomes its copy in the site; web addresses stay as they are. */
export function projectFileUrl(site: Site, target: string, base = ''): string {
  if (!isProjectPath(target)) return target;
  const path = projectPath(target, base);
  if (!path) return target;
  const suffix = target.slice(target.split(/[?#]/)[0]!.length);
  return url(site, path, { asset: true }) + suffix;
}
