import { useEffect, useState } from 'react';
import { listInbox } from '../../api/benefitMessages.ts';

const INBOX_CHANGED = 'yangfan:inbox-changed';

/** Tells the menu that notices were marked read, so its unread count follows at once. */
export function announceInboxChanged(): void {
  window.dispatchEvent(new Event(INBOX_CHANGED));
}

/**
 * The enterprise's unread notices for the menu badge: read again on every page change and after
 * a read mark; 0 for other roles (who have no inbox) and while unknown.
 */
export function useUnreadNotices(isEnterprise: boolean, pathname: string): number {
  const [unread, setUnread] = useState(0);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    const reload = () => setGeneration((value) => value + 1);
    window.addEventListener(INBOX_CHANGED, reload);
    return () => window.removeEventListener(INBOX_CHANGED, reload);
  }, []);
  useEffect(() => {
    if (!isEnterprise) return undefined;
    let isCurrent = true;
    listInbox({ page: 1, pageSize: 1 })
      .then((page) => {
        if (isCurrent) setUnread(page.unread);
      })
      .catch(() => undefined);
    return () => {
      isCurrent = false;
    };
  }, [isEnterprise, pathname, generation]);
  return isEnterprise ? unread : 0;
}
