import { expect, test } from '@playwright/test';
import { startReferenceMcpServer } from '../../examples/reference-mcp-server/start.ts';

// clientIdMetadataDocuments: false is a conformant server that offers dynamic registration only.
test('without CIMD support the metadata does not advertise it and registration stays', async () => {
  for (const supported of [true, false]) {
    const server = await startReferenceMcpServer({ clientIdMetadataDocuments: supported });
    try {
      const metadata = (await (await fetch(`${server.url}/.well-known/oauth-authorization-server`)).json()) as Record<string, unknown>;
      expect(metadata.client_id_metadata_document_supported, String(supported)).toBe(supported ? true : undefined);
      expect(metadata.registration_endpoint).toBe(`${server.url}/register`);
    } finally {
      await server.close();
    }
  }
});
