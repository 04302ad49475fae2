// Dates as the explorer shows them (UTC: article timestamps are instants, event dates are calendar dates).
const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short',
});

export const formatDate = (isoDate) => (isoDate ? DATE.format(new Date(isoDate)) : 'undated');
export const formatInstant = (instant) => (instant ? DATE_TIME.format(new Date(instant)) : '');

/** "PRESS_BRIEFING" → "Press briefing" */
export const humanize = (constant) =>
  constant ? constant.charAt(0) + constant.slice(1).toLowerCase().replaceAll('_', ' ') : '';

/** A date input's value (yyyy-mm-dd) as the first or last instant of that UTC day, for the API's Instant filters. */
export const startOfDay = (date) => (date ? `${date}T00:00:00Z` : null);
export const endOfDay = (date) => (date ? `${date}T23:59:59.999Z` : null);
