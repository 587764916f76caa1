// React access to the services that talk to the server (sign-in, queues, the case and alarm drawers).
// Components read state from the store and call services for anything with a side effect.
import { createContext, useContext, type ReactNode } from 'react';
import type { AlarmService } from '../live/alarms';
import type { AuthService } from '../live/auth';
import type { DetailService } from '../live/detail';
import type { QueueService } from '../live/queues';
import type { StreamService } from '../live/stream';
import type { TransientFeed } from '../live/transient';
import type { VideoService } from '../live/video';

export interface Services {
  origin: string;
  auth: AuthService;
  queues: QueueService;
  detail: DetailService;
  video: VideoService;
  alarms: AlarmService;
  /** live positions and readings for the map layers */
  transient: TransientFeed;
  stream: StreamService;
}

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider({ services, children }: { services: Services; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices must be used inside <ServicesProvider>');
  return services;
}
