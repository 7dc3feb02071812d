import { readFileSync } from 'node:fs';
import { runFuzz, formatReport } from './src/index.ts';
const api = process.argv[2]!;
const spec = JSON.parse(readFileSync(`../../specs/generated/${api}.openapi.json`, 'utf8'));
if (api === 'camunda') {
  spec.paths['/users'].post.responses['202'].links = {
    deleteUser: { operationId: 'deleteUser', parameters: { userKey: '$response.body#/userKey' } },
    searchCreated: { operationId: 'searchUsers', requestBody: { filter: { username: '$request.body#/username' } } },
  };
} else {
  spec.components.responses.UserCreated.links = {
    getUser: { operationId: 'get_user', parameters: { id: '$response.header.Location#regex:/users/([^/?#]+)$' } },
    removeUser: { operationId: 'remove_user', parameters: { id: '$response.header.Location#regex:/users/([^/?#]+)$' } },
  };
}
const baseUrl = api === 'camunda' ? 'http://127.0.0.1:18191/v2' : 'http://127.0.0.1:18192/api/v3/onezone';
const t0 = Date.now();
const report = await runFuzz({ name: api, spec, baseUrl, credentials: { username: 'admin', password: 'Admin-Passw0rd!' }, kind: 'mock' }, {
  requests: Number(process.argv[3] ?? 300), seed: Number(process.argv[4] ?? 12345), harFile: `/tmp/${api}-fuzz.har`, log: (l) => console.error(l),
  acceptableRejections: [{ operationId: 'create_user', status: 400, bodyPointer: '/error/id', equals: 'badValueIdentifierOccupied', reason: 'username taken' }],
});
console.log(formatReport(report));
console.error('ms', Date.now() - t0);
