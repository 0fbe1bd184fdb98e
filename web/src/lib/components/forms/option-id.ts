/** The id of one checkbox or radio in a group: "components-context-handler", "affectedSystems-kmd-nexus". */
export function optionId(groupId: string, value: string): string {
  return `${groupId}-${value.toLowerCase().replace(/[^a-z0-9æøå-]+/g, '-')}`;
}
