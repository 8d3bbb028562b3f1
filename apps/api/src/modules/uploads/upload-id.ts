/** Upload ids are 22 base64url characters today; the column allows up to 32. */
export const UPLOAD_ID_PATTERN = /^[A-Za-z0-9_-]{10,32}$/;
