import { api } from './client.ts';
import type { ApiBody, ApiResponse } from './types.ts';

/**
 * The enterprise's own contact for SMS and e-mail reminders (GET|PATCH
 * /api/v1/enterprises/:uscc/notification-contact). The server answers it masked; without an own
 * mobile number, SMS go to the register's contact phone (`phone_source: 'register'`).
 */
export type NotificationContact = ApiResponse<'/api/v1/enterprises/{uscc}/notification-contact'>;

export function getNotificationContact(uscc: string): Promise<NotificationContact> {
  return api.get<NotificationContact>(`/enterprises/${encodeURIComponent(uscc)}/notification-contact`);
}

/** Sets the mobile number and e-mail: a field left out stays, null clears it. */
export function updateNotificationContact(
  uscc: string,
  contact: ApiBody<'/api/v1/enterprises/{uscc}/notification-contact', 'patch'>,
): Promise<NotificationContact> {
  return api.patch<NotificationContact>(`/enterprises/${encodeURIComponent(uscc)}/notification-contact`, contact);
}
