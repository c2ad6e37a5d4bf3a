import { z } from 'zod';

/** RFC 6749 §5.2 error body: a JSON object whose `error` is a non-empty string. */
export const rfc6749ErrorBody = z.object({
  error: z.string().min(1),
  error_description: z.string().optional(),
  error_uri: z.string().optional(),
});
