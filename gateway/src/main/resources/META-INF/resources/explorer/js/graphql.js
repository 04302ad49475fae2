// The explorer's only data source: the gateway's GraphQL endpoint (queries and mutations over HTTP).
export const GRAPHQL_URL = new URL('../graphql', document.baseURI).href;

export class GraphQLError extends Error {}

/** Where the bearer token pasted on the curation page is kept (this tab only); writes need one, reads do not. */
export const TOKEN_KEY = 'quotegraph.token';

export async function graphql(query, variables = {}) {
  let response;
  try {
    const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (token) {
      headers.Authorization = `Bearer ${token}`;
    }
    response = await fetch(GRAPHQL_URL, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
  } catch (e) {
    throw new GraphQLError(`The gateway cannot be reached (${e.message}).`);
  }
  let body;
  try {
    body = await response.json();
  } catch {
    throw new GraphQLError(`The gateway answered ${response.status} without a GraphQL result.`);
  }
  if (body.errors?.length) {
    throw new GraphQLError(body.errors.map((error) => error.message).join('; '));
  }
  if (!response.ok) {
    throw new GraphQLError(`The gateway answered ${response.status}.`);
  }
  return body.data;
}

/**
 * Follows a connection's pages (100 per request, the API's maximum) until `limit` nodes or the end.
 * `pick(data)` returns the connection from a query result; the query takes `$first` and `$after`.
 */
export async function allNodes(query, variables, pick, limit) {
  const nodes = [];
  let after = null;
  let connection;
  do {
    connection = pick(await graphql(query, { ...variables, first: Math.min(100, limit - nodes.length), after }));
    if (!connection) {
      return null;
    }
    nodes.push(...connection.edges.map((edge) => edge.node));
    after = connection.pageInfo.endCursor;
  } while (connection.pageInfo.hasNextPage && nodes.length < limit);
  return { nodes, totalCount: connection.totalCount };
}

/** The statement fields every view shows; the live subscription asks for the same. */
export const STATEMENT_FIELDS = `
  fragment StatementFields on Statement {
    id kind
    content { text start end }
    cue { text start end }
    speakerMention { text start end }
    speaker { id name }
    article { id title source publishedAt }
    occasion { id type title date }
    about { id name type }
  }`;
