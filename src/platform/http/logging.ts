import type { FastifyServerOptions } from 'fastify';
import { maskPersonalDataInLogLine, maskPersonalDataInUrl } from '../crypto/masking.ts';

/**
 * pino options: credentials are removed and any ID, phone or bank card number in a URL or message
 * is masked before a line is written (DOMAIN §8: logs are personal data too). The URL is decoded
 * first (percent-encoding, + in the query) so encoded and split forms are caught; every finished
 * line passes the text mask once more, whatever field carried the number.
 */
export function loggerOptions(level: string, stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'res.headers["set-cookie"]',
        '*.password',
        '*.totp',
        '*.token',
        '*.idNumber',
        '*.id_number',
        '*.phone',
      ],
      censor: '[已隐藏]',
    },
    hooks: { streamWrite: (line: string) => maskPersonalDataInLogLine(line) },
    serializers: {
      req(request: { method: string; url: string; id: string; ip?: string }) {
        return { id: request.id, method: request.method, url: maskPersonalDataInUrl(request.url), ip: request.ip };
      },
    },
  };
}
