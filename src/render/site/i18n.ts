/** The words of the site's interface: the catalogues live in src/strings/, one per language. */
export { strings, hasStrings, catalogueFor, CATALOGUES, type Strings } from '../../strings/index.js';
