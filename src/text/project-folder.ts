/** Whether a path written in vita.yaml stays inside the project: the rule the schema, the loader and the build share (load/output.ts). */
/** Whether a path written in vita.yaml names a folder strictly inside the project: relative, no `..`, not the project itself. */
export function isProjectFolder(path: string): boolean {
  if (path.includes('\0') || path.startsWith('/') || path.startsWith('\\') || /^[A-Za-z]:/.test(path) || path.startsWith('~')) return false;
  const parts = path.split(/[\\/]/).filter((p) => p !== '' && p !== '.');
  return parts.length > 0 && !parts.includes('..');
}
