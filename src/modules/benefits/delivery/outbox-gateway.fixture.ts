import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a gateway received: the bearer header, the idempotency key and the JSON body. */
export interface GatewayRequest {
  authorization: string | undefined;
  idempotencyKey: string | undefined;
  body: { message_id: string; channel: string; to: string; content: Record<string, unknown> };
}

/**
 * A real local HTTP gateway for the outbox tests (node:http on a free port). Its answer can be
 * changed between steps: a status code (after an optional delay), or `'hang'` to never answer.
 */
export async function startTestGateway() {
  const requests: GatewayRequest[] = [];
  let answer: number | 'hang' = 200;
  let delayMs = 0;
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let text = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      text += chunk;
    });
    request.on('end', () => {
      requests.push({
        authorization: request.headers.authorization,
        idempotencyKey: request.headers['idempotency-key'] as string | undefined,
        body: JSON.parse(text) as GatewayRequest['body'],
      });
      const status = answer;
      if (status !== 'hang')
        setTimeout(
          () => response.writeHead(status, { 'content-type': 'application/json' }).end('{"ok":true}'),
          delayMs,
        );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/messages`,
    requests,
    answerWith(next: number | 'hang', afterMs = 0) {
      answer = next;
      delayMs = afterMs;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type TestGateway = Awaited<ReturnType<typeof startTestGateway>>;
