/** application/x-www-form-urlencoded encoding of one value (WHATWG serializer: space becomes +). */
export function formEncode(value: string): string {
  return new URLSearchParams([['', value]]).toString().slice(1);
}
