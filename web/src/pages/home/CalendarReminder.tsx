import { Alert } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { getCalendar, type CalendarReminder as Reminder } from '../../api/calendar.ts';
import { useI18n } from '../../locales/i18n.tsx';

/**
 * From the reminder day (reference/calendar/settings.json, 1 November) the system administrator's
 * home page says when next year's holiday arrangement is still missing, with a link to load it.
 */
export function CalendarReminder() {
  const { t } = useI18n();
  const [reminder, setReminder] = useState<Reminder>();
  useEffect(() => {
    let isCurrent = true;
    getCalendar()
      .then((calendar) => isCurrent && setReminder(calendar.reminder))
      .catch(() => {
        // The reminder is a courtesy: the calendar page itself shows the error.
      });
    return () => {
      isCurrent = false;
    };
  }, []);
  if (!reminder?.is_due) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="calendar-reminder"
      title={reminder.message}
      action={<Link to="/admin/calendar">{t('calendar.openPage')}</Link>}
    />
  );
}
