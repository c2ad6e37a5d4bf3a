/** Media type without parameters, lower-cased: `Application/JSON; charset=utf-8` → `application/json`; '' for none. */
export function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** The Content-Type header of a header map, whatever its case. */
export function contentTypeOf(headers: Readonly<Record<string, string>> | undefined): string | undefined {
  return Object.entries(headers ?? {}).find(([name]) => name.toLowerCase() === 'content-type')?.[1];
}
