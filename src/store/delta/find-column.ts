/**
 * The file's name for a table column among `names`: exact, else the one equal ignoring case
 * (Delta's rule for column names), else null.
 *
 * @example
 * findColumn(["ID", "value"], "id"); // "ID"
 */
export function findColumn(names: readonly string[], name: string): string | null {
  if (names.includes(name)) return name;
  const lower = name.toLowerCase();
  return names.find((n) => n.toLowerCase() === lower) ?? null;
}
