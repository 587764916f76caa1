// Words of the domain shared by server and renderer (see docs/DOMAIN.md).
// Category codes, departments and divisions are data; only closed vocabularies live here.
import { z } from 'zod';

export const ROLES = [
  'supervisor',
  'dispatcher',
  'handler',
  'inspector',
  'commander',
  'leader',
  'admin',
  'trainer',
] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const CASE_STATES = [
  'reported',
  'verifying',
  'accepted',
  'opened',
  'dispatched',
  'handling',
  'handled',
  'checking',
  'closed',
  'voided',
  'returned',
  'reworked',
  'suspended',
] as const;
export const CaseState = z.enum(CASE_STATES);
export type CaseState = z.infer<typeof CaseState>;

export const SOURCES = [
  'inspector',
  'hotline',
  'public',
  'video_ai',
  'sensor',
  'media',
  'transfer',
  'leader',
  'upper',
] as const;
export const Source = z.enum(SOURCES);
export type Source = z.infer<typeof Source>;

export const URGENCIES = ['normal', 'urgent', 'critical'] as const;
export const Urgency = z.enum(URGENCIES);
export type Urgency = z.infer<typeof Urgency>;

export const CATEGORY_KINDS = ['part', 'event'] as const;
export const CategoryKind = z.enum(CATEGORY_KINDS);
export type CategoryKind = z.infer<typeof CategoryKind>;

/** Clock colour shown on every case: green in time, yellow >= 80 % used, red overdue. */
export const CLOCK_STATES = ['green', 'yellow', 'red'] as const;
export type ClockState = (typeof CLOCK_STATES)[number];

/** Alarm levels on screen: 1 red critical, 2 orange major, 3 yellow minor, 4 blue notice. */
export const ALARM_LEVELS = [1, 2, 3, 4] as const;
export type AlarmLevel = (typeof ALARM_LEVELS)[number];

/** Commands of the case workflow (server/src/domain/transitions.ts says who may issue each, when). */
export const CASE_COMMANDS = [
  'report',
  'verify',
  'verifyResult',
  'accept',
  'open',
  'void',
  'merge',
  'dispatch',
  'acceptTask',
  'return',
  'handle',
  'check',
  'recheckResult',
  'approve',
  'rework',
  'closeFailed',
  'redispatch',
  'suspend',
  'resume',
  'urge',
  'supervise',
  'coordinate',
] as const;
export const CaseCommand = z.enum(CASE_COMMANDS);
export type CaseCommand = z.infer<typeof CaseCommand>;
