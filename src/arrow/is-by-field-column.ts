import { METAXY_DATA_VERSION_BY_FIELD, METAXY_PROVENANCE_BY_FIELD } from "../constants.js";

const BY_FIELD = [METAXY_PROVENANCE_BY_FIELD, METAXY_DATA_VERSION_BY_FIELD];

/**
 * True for the per-field system columns (provenance / data version by field), including their
 * upstream-renamed forms (`<column>__<upstream suffix>`): the columns that become Map<Utf8, Utf8>
 * when `enable_map_datatype` is on.
 *
 * @example
 * isByFieldColumn(METAXY_PROVENANCE_BY_FIELD); // true
 */
export function isByFieldColumn(name: string): boolean {
  return BY_FIELD.some((c) => name === c || name.startsWith(`${c}__`));
}
