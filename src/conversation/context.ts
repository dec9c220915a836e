/** Marks the data a flow starts with as its context, so it does not count as answers given. */
export const withContext = (data: Record<string, unknown>) => ({ ...data, __context: Object.keys(data) });
