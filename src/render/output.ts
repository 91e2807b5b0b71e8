/** What every renderer returns: files to write, by path inside the output folder. Renderers never touch the disk. */
export interface OutputFile {
  /** POSIX path relative to the output folder, without a leading slash: "people/lei-wu/index.html". */
  path: string;
  content: string | Uint8Array;
}
