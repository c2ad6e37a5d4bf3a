import type { FindingCode } from '../findings/catalog.ts';

export interface AbortAttachment {
  name: string;
  contentType: string;
  body: Buffer;
}

/**
 * The lifecycle cannot go on. `failed`: the target broke it (the findings say how). `inconclusive`: the harness
 * could not get through (login automation, missing settings), which is not the plugin's fault. `skipped`: the
 * scenario does not apply to this target.
 */
export class LifecycleAbort extends Error {
  constructor(
    message: string,
    readonly outcome: 'failed' | 'inconclusive' | 'skipped',
    readonly codes: FindingCode[] = [],
    /** Evidence that is not an HTTP exchange, e.g. a screenshot of a stuck login page. */
    readonly attachments: AbortAttachment[] = [],
  ) {
    super(message);
    this.name = 'LifecycleAbort';
  }
}
