// A graphql-transport-ws client (https://github.com/enisdenjo/graphql-ws/blob/master/PROTOCOL.md) for one
// subscription over its own socket at the GraphQL endpoint; it reconnects with backoff when the socket drops.
import { GRAPHQL_URL, TOKEN_KEY } from './graphql.js';

const PROTOCOL = 'graphql-transport-ws';
const SUBSCRIPTION_ID = '1';
const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 30000;

export const LIVE_URL = GRAPHQL_URL.replace(/^http/, 'ws');

/**
 * Subscribes and calls `onData(data)` for each result; `onStatus(state, detail)` reports
 * 'connecting' | 'live' | 'reconnecting' | 'unavailable' (the server refused the subscription; no retry).
 * The Token field's token (curation page) goes in the connection_init payload: browsers cannot set headers on a
 * WebSocket upgrade, and the gateway checks it when reads are protected.
 * @returns a function that ends the subscription
 */
export function subscribe(query, variables, { onData, onStatus }) {
  let socket;
  let retryMs = FIRST_RETRY_MS;
  let retryTimer;
  let ended = false;
  let refusal; // the server's errors (e.g. "unauthorized: ..."), shown when it then completes the subscription

  const send = (message) => socket.send(JSON.stringify(message));

  function connect() {
    onStatus(retryMs === FIRST_RETRY_MS ? 'connecting' : 'reconnecting');
    socket = new WebSocket(LIVE_URL, PROTOCOL);
    socket.onopen = () => {
      const token = sessionStorage.getItem(TOKEN_KEY);
      send({ type: 'connection_init', payload: token ? { Authorization: `Bearer ${token}` } : {} });
    };
    socket.onmessage = (event) => {
      const message = JSON.parse(event.data);
      switch (message.type) {
        case 'connection_ack':
          retryMs = FIRST_RETRY_MS;
          send({ id: SUBSCRIPTION_ID, type: 'subscribe', payload: { query, variables } });
          onStatus('live');
          break;
        case 'ping':
          send({ type: 'pong' });
          break;
        case 'next':
          if (message.payload?.errors?.length) {
            refusal = message.payload.errors.map((e) => e.message).join('; ');
            onStatus('unavailable', refusal);
          }
          if (message.payload?.data) {
            onData(message.payload.data);
          }
          break;
        case 'error':
          ended = true;
          onStatus('unavailable', (message.payload || []).map((e) => e.message).join('; '));
          socket.close(1000);
          break;
        case 'complete':
          ended = true;
          onStatus('unavailable', refusal || 'the server ended the subscription');
          socket.close(1000);
          break;
        default:
          break;
      }
    };
    socket.onclose = (event) => {
      if (ended) {
        return;
      }
      if (event.code === 4400 || event.code === 4403 || event.code === 4406) {
        // the server rejects what we send (e.g. no subscription support): retrying cannot help
        ended = true;
        onStatus('unavailable', event.reason || `closed with ${event.code}`);
        return;
      }
      onStatus('reconnecting');
      retryTimer = setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
    };
  }

  connect();
  return () => {
    ended = true;
    clearTimeout(retryTimer);
    if (socket.readyState === WebSocket.OPEN) {
      send({ id: SUBSCRIPTION_ID, type: 'complete' });
    }
    socket.close(1000);
  };
}
