export const SESSION_COOKIE = 'infraforum.sid';
