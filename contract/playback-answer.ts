// The state at T as the renderer asks for it (`GET /api/playback/state?at=T&form=frame`): the newest
// keyframe at or before T exactly as stored (its cases in columns), the archived events after it up to T
// and the vehicles at T. The client folds the events onto the keyframe with the same fold as everywhere
// (contract/playback.ts `foldEvents`), so the server neither decodes the keyframe nor encodes 10,000 cases
// per seek: it splices the stored JSON into the answer. `PlaybackStateAnswer` turns the answer into a
// PlaybackState and checks it with that schema, exactly as a plain answer is checked.
import { z } from 'zod';
import { checkEvent } from './live-state';
import {
  foldEvents,
  fromFrame,
  PlaybackFix,
  PlaybackState,
  toPlaybackState,
  type FrameData,
} from './playback';
import { StreamEvent } from './stream';

/** The answer's shape; `frame` is checked after the fold, as the PlaybackState it becomes. */
export const PlaybackFrameAnswer = z.object({
  at: z.string(),
  frame: z.looseObject({ seq: z.number().int().nonnegative() }).nullable(),
  /** the events after the keyframe's last one, up to `at`, in seq order */
  events: z.array(StreamEvent),
  vehicles: z.array(PlaybackFix),
});
export type PlaybackFrameAnswer = Omit<z.infer<typeof PlaybackFrameAnswer>, 'frame'> & {
  frame: FrameData | null;
};

const EMPTY_FRAME: FrameData = { seq: 0, cases: [], alarms: [], incidents: [], units: [] };

/**
 * The state a frame answer stands for, or the input unchanged when it is not one (the schema then
 * refuses it). A malformed keyframe or event is not an answer either.
 */
export function stateOfFrameAnswer(raw: unknown): unknown {
  const answer = PlaybackFrameAnswer.safeParse(raw);
  if (!answer.success) return raw;
  const { at, frame, events, vehicles } = answer.data;
  try {
    const base = fromFrame((frame as FrameData | null) ?? EMPTY_FRAME);
    return toPlaybackState(foldEvents(base, events.map(checkEvent)), Date.parse(at), vehicles);
  } catch {
    return raw;
  }
}

/** The answer to `?form=frame` as a PlaybackState, checked by its schema. */
export const PlaybackStateAnswer = z.preprocess(stateOfFrameAnswer, PlaybackState);

/** The answer's JSON around a keyframe's stored JSON (null: no keyframe before `at`), without parsing it. */
export function frameAnswerJson(head: Omit<PlaybackFrameAnswer, 'frame'>, frameJson: string | null): string {
  return `${JSON.stringify(head).slice(0, -1)},"frame":${frameJson ?? 'null'}}`;
}
