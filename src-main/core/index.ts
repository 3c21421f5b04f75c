export { createCore, type Core, type CoreOptions } from './createCore';
export { consoleLogger, silentLogger, systemClock, type Clock, type Logger, type Platform } from './ports';
