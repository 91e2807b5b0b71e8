/**
 * Which of the group pages a site without an owner has: the group page when there is a group or people to show, the
 * publication lists when there are papers. A seminar's own site has neither, and no empty page in its menu.
 */
import type { Graph } from '../../../resolve/graph.js';

export function groupSections(graph: Graph): { group: boolean; publications: boolean } {
  return { group: graph.config.group !== undefined || graph.people.size > 0, publications: graph.publications.size > 0 };
}
