/** Copies of records that may carry getters (a body read only when asked for) and symbol-keyed marks. */

/**
 * A copy of an object with some fields replaced, each in its place in the field order (a field it lacks comes last).
 * An object with getters is copied property by property, its getters kept as getters (a spread would call them: a lazy
 * record would read its body) and its non-enumerable properties kept; one without is spread, ten times faster, and its
 * symbol-keyed properties are added back.
 * @param record the object
 * @param fields the fields to replace
 * @param hasGetters whether the object has getters (the caller knows which of its fields may be one)
 */
export function withFields<T extends object>(record: T, fields: Partial<T>, hasGetters: boolean): T {
  if (!hasGetters) {
    const spread: Record<PropertyKey, unknown> = { ...record, ...fields };
    for (const symbol of Object.getOwnPropertySymbols(record)) {
      if (!Object.hasOwn(spread, symbol)) Object.defineProperty(spread, symbol, Object.getOwnPropertyDescriptor(record, symbol)!);
    }
    return spread as T;
  }
  const copy: Record<PropertyKey, unknown> = {};
  for (const key of Reflect.ownKeys(record)) {
    const { value, get, enumerable = false, configurable = false } = Object.getOwnPropertyDescriptor(record, key)!;
    if (Object.hasOwn(fields, key)) copy[key] = (fields as Record<PropertyKey, unknown>)[key];
    else if (get !== undefined) Object.defineProperty(copy, key, { get, enumerable, configurable });
    else if (enumerable) copy[key] = value;
    else Object.defineProperty(copy, key, { value });
  }
  for (const [name, value] of Object.entries(fields)) if (!Object.hasOwn(copy, name)) copy[name] = value;
  return copy as T;
}
