/** Where a project's site is written, read before the project is opened. */
import { DEFAULT_OUTPUT, outputFolder } from '../load/output.js';

/**
 * vita.yaml's output folder, read before the project is opened. One that is not inside the project is an error of
 * the record (validate/output-folder), which stops a build before anything is written; until then, the default.
 */
export function configuredOutput(root: string): string {
  return outputFolder(root).folder ?? DEFAULT_OUTPUT;
}
