/** Where the id sits in a user's URI; the real server builds `https://<host>/api/v3/onezone/users/<id>`. */
const USER_PATH = /\/api\/v3\/onezone\/users\/([^/]+)\/?$/;

/**
 * The user id in a user's URI, as `create_user` returns it in `Location`:
 * `https://onezone.example.com/api/v3/onezone/users/9f2c…` → `9f2c…`. Accepts absolute and
 * root-relative URIs, ignores a query or fragment and a prefix before `/api/v3/onezone` (a
 * reverse proxy's), and percent-decodes the id.
 *
 * @throws Error when the URI is not a Onezone user URI (including the `/api/onezone/v3/` typo of
 * the upstream documentation, which the real server never sends).
 */
export function userIdFromLocation(location: string): string {
  let pathname: string;
  try {
    pathname = new URL(location, 'http://relative.invalid').pathname;
  } catch {
    throw new Error(`Not a Onezone user URI: ${JSON.stringify(location)}`);
  }
  const match = USER_PATH.exec(pathname);
  const id = match?.[1];
  if (!id) {
    throw new Error(
      `Not a Onezone user URI: ${JSON.stringify(location)}; expected ".../api/v3/onezone/users/<id>".`,
    );
  }
  try {
    return decodeURIComponent(id);
  } catch {
    throw new Error(`Not a Onezone user URI: ${JSON.stringify(location)}; the id is not valid percent-encoding.`);
  }
}

/**
 * The id of the user a `create_user` call created, read from the `Location` header of its
 * response. Takes the openapi-fetch result (`{ response }`) or the `Response` itself.
 *
 * In a browser the header is only readable when the server exposes it
 * (`Access-Control-Expose-Headers: Location`, or `*`, which the Prism mock sends).
 *
 * @throws Error when the call did not answer `201` or carries no usable `Location`.
 */
export function createdUserId(result: { response: Response } | Response): string {
  const response = 'response' in result ? result.response : result;
  if (response.status !== 201) {
    throw new Error(`create_user did not create a user: HTTP ${response.status}.`);
  }
  const location = response.headers.get('Location');
  if (!location) {
    throw new Error('create_user answered 201 without a readable Location header (is it exposed to CORS?).');
  }
  return userIdFromLocation(location);
}
