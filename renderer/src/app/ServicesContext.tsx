// React access to the services that talk to the server (sign-in, queues, the case and alarm drawers).
// Components read state from the store and call services for anything with a side effect. Every
// window has the window services; only the map wall has the rest (the video-wall and briefing windows
// run no queues, stream or map, see main.tsx).
import { createContext, useContext, type ReactNode } from 'react';
import type { AdminClient } from '../services/admin';
import type { ApiClient } from '../services/api';
import type { AlarmService } from '../services/alarms';
import type { AuthService } from '../services/auth';
import type { IntakeService } from '../services/batch';
import type { DetailService } from '../services/detail';
import type { DrillClient } from '../services/drills';
import type { DutyClient } from '../services/duty';
import type { PictureSource } from '../services/picture';
import type { PlaybackService } from '../services/playback';
import type { QueueService } from '../services/queues';
import type { StreamService } from '../services/stream';
import type { TransientFeed } from '../services/transient';
import type { VideoService } from '../services/video';
import type { WallLinkService } from '../services/wallChannel';

/** What every window has: the server, the session, cameras and the link to the other wall windows. */
export interface WindowServices {
  origin: string;
  auth: AuthService;
  video: VideoService;
  wall: WallLinkService;
  /** the live stream (the map wall's, and the briefing's for its live counters) */
  stream?: StreamService;
  /** the one REST client (token, timeout, 401 ends the session, answers checked with zod) */
  api: ApiClient;
}

/** The map wall's services. */
export interface Services extends WindowServices {
  queues: QueueService;
  detail: DetailService;
  alarms: AlarmService;
  /** live positions and readings for the map layers */
  transient: TransientFeed;
  stream: StreamService;
  /** batch commands on the intake list */
  intake: IntakeService;
  /** the duty overview and hand-overs */
  duty: DutyClient;
  /** users and roles (administrators) */
  admin: AdminClient;
  /** drills and their reviews (trainers) */
  drills: DrillClient;
  /** what the map shows: the live picture, or a replay's (回放) */
  picture: PictureSource;
  /** reads the playback archive and steps the replay */
  playback: PlaybackService;
}

const ServicesContext = createContext<WindowServices | null>(null);

export function ServicesProvider({
  services,
  children,
}: {
  services: WindowServices | Services;
  children: ReactNode;
}) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

/** The services every window has (components shown in the wall windows use this). */
export function useWindowServices(): WindowServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useWindowServices must be used inside <ServicesProvider>');
  return services;
}

/** The map wall's services; a component that needs them is not shown in the other wall windows. */
export function useServices(): Services {
  const services = useWindowServices();
  if (!isMapWall(services)) throw new Error('a map-wall component was rendered in a wall window');
  return services;
}

function isMapWall(services: WindowServices): services is Services {
  return 'queues' in services && 'stream' in services;
}
