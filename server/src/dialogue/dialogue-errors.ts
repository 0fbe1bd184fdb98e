import { ApiException } from '../common/api-exception.js';

export const webinarNotFound = (): ApiException => ApiException.notFound('Webinaret findes ikke, eller du har ikke adgang til det.');
export const questionNotFound = (): ApiException => ApiException.notFound('Spørgsmålet findes ikke, eller du har ikke adgang til det.');
export const answerNotFound = (): ApiException => ApiException.notFound('Svaret findes ikke, eller du har ikke adgang til det.');
