import type { FastifyServerOptions } from 'fastify';
import { maskPersonalDataInText } from '../crypto/masking.ts';

/**
 * pino options: credentials are removed and any ID or phone number in a URL or message is
 * masked before a line is written (DOMAIN §8: logs are personal data too).
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
    serializers: {
      req(request: { method: string; url: string; id: string; ip?: string }) {
        return { id: request.id, method: request.method, url: maskPersonalDataInText(request.url), ip: request.ip };
      },
    },
  };
}
