export { api, createApi, onEvent, type Api } from './client';
export { ApiError, isApiError, toApiError } from './ApiError';
export { queryKeys } from './queryKeys';
