// The pure domain layer of the case workflow. No Express, Prisma, Socket.IO or wall-clock time.
export * from './errors';
export * from './calendar';
export * from './timelimits';
export * from './clock';
export * from './commands';
export * from './transitions';
export * from './permissions';
export * from './workflow';
export * from './follow-ups';
export * from './routing';
export * from './geo';
export * from './duplicates';
export * from './evaluation';
export * from './case-number';
export * from './payload';
