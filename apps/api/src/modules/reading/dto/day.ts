/** A calendar day `YYYY-MM-DD` as the season and check-in bodies take it. */
export const DAY_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export const DAY_MESSAGE = '日期格式应为 YYYY-MM-DD';
