import { api } from './client.ts';

/**
 * The enterprise's own contact for SMS and e-mail reminders (GET|PATCH
 * /api/v1/enterprises/:uscc/notification-contact). The server answers it masked; without an own
 * mobile number, SMS go to the register's contact phone (`phone_source: 'register'`).
 */
export interface NotificationContact {
  phone: string | null;
  phone_source: 'own' | 'register' | null;
  email: string | null;
  updated_at: string | null;
}

export function getNotificationContact(uscc: string): Promise<NotificationContact> {
  return api.get<NotificationContact>(`/enterprises/${encodeURIComponent(uscc)}/notification-contact`);
}

/** Sets the mobile number and e-mail: a field left out stays, null clears it. */
export function updateNotificationContact(
  uscc: string,
  contact: { phone?: string | null; email?: string | null },
): Promise<NotificationContact> {
  return api.patch<NotificationContact>(`/enterprises/${encodeURIComponent(uscc)}/notification-contact`, contact);
}
