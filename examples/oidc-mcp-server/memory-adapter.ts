import type { Adapter, AdapterPayload } from 'oidc-provider';

interface Stored {
  payload: AdapterPayload;
  expiresAtMs: number;
}

/** Models whose records hang off a grant: revoking the grant (code replay, refresh-token reuse) removes them all. */
const BOUND_TO_GRANT = new Set(['AccessToken', 'AuthorizationCode', 'RefreshToken', 'DeviceCode', 'BackchannelAuthenticationRequest']);

/**
 * oidc-provider storage for one server instance. The bundled MemoryAdapter is one LRU for the whole process, so
 * parallel tests in one worker would share (and evict) each other's records. Expiry is oidc-provider's real time.
 */
export function perInstanceMemoryAdapter(): (model: string) => Adapter {
  const records = new Map<string, Stored>();
  const byGrant = new Map<string, Set<string>>();
  const sessionsByUid = new Map<string, string>();
  const byUserCode = new Map<string, string>();

  const live = (key: string): AdapterPayload | undefined => {
    const record = records.get(key);
    if (record === undefined) return undefined;
    if (record.expiresAtMs > Date.now()) return record.payload;
    records.delete(key);
    return undefined;
  };

  return (model) => {
    const keyOf = (id: string) => `${model} ${id}`;
    return {
      async upsert(id, payload, expiresIn) {
        const key = keyOf(id);
        // Dynamically registered clients are stored without an expiry: they live as long as the instance.
        const expiresAtMs = typeof expiresIn === 'number' && Number.isFinite(expiresIn) ? Date.now() + expiresIn * 1000 : Number.POSITIVE_INFINITY;
        records.set(key, { payload, expiresAtMs });
        if (model === 'Session' && typeof payload.uid === 'string') sessionsByUid.set(payload.uid, id);
        if (typeof payload.userCode === 'string') byUserCode.set(payload.userCode, id);
        if (BOUND_TO_GRANT.has(model) && typeof payload.grantId === 'string') {
          const keys = byGrant.get(payload.grantId) ?? new Set<string>();
          keys.add(key);
          byGrant.set(payload.grantId, keys);
        }
      },
      async find(id) {
        return live(keyOf(id));
      },
      async findByUid(uid) {
        const id = sessionsByUid.get(uid);
        return id === undefined ? undefined : live(keyOf(id));
      },
      async findByUserCode(userCode) {
        const id = byUserCode.get(userCode);
        return id === undefined ? undefined : live(keyOf(id));
      },
      async consume(id) {
        const record = records.get(keyOf(id));
        if (record !== undefined) record.payload = { ...record.payload, consumed: Math.floor(Date.now() / 1000) };
      },
      async destroy(id) {
        records.delete(keyOf(id));
      },
      async revokeByGrantId(grantId) {
        for (const key of byGrant.get(grantId) ?? []) records.delete(key);
        byGrant.delete(grantId);
      },
    };
  };
}
