// The briefing's tracks of a chosen team and day, pure: the city's local day as a period (today ends now),
// the days a chooser offers, the loop (a day in two minutes) and its time label, the team names in both
// languages, the query sent; and the evaluation answers checked by the one REST client (a wrong answer
// is an error, not a broken chart).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { EvaluationReport, EvaluationTrend } from '@contract/evaluation';
import { PlaybackTracksQuery } from '@contract/playback';
import {
  clockLabel,
  cityDay,
  dayWindow,
  keptDayList,
  loopMsOf,
  loopTime,
} from '../../../renderer/src/map/deck/tracks';
import { teamName, tracksQuery, type TeamView } from '../../../renderer/src/panels/briefing/tracksData';
import { ApiError, createApi } from '../../../renderer/src/services/api';

// 2026-12-06 09:30 in the city (+08:00)
const NOW = Date.parse('2026-12-06T01:30:00Z');

describe('tracks of a day', () => {
  test('the city day of an instant is the +08:00 day, not the UTC one', () => {
    assert.equal(cityDay(Date.parse('2026-12-05T16:00:00Z')), '2026-12-06');
    assert.equal(cityDay(Date.parse('2026-12-05T15:59:59Z')), '2026-12-05');
    assert.equal(cityDay(NOW, 1), '2026-12-05');
    assert.equal(cityDay(Date.parse('2026-03-01T01:00:00Z'), 1), '2026-02-28');
  });

  test('a past day is 00:00 to 24:00 city time; today ends now; a future or malformed day is null', () => {
    assert.deepEqual(dayWindow('2026-12-05', NOW), {
      fromMs: Date.parse('2026-12-04T16:00:00Z'),
      toMs: Date.parse('2026-12-05T16:00:00Z'),
      periodS: 86_400,
    });
    assert.deepEqual(dayWindow('2026-12-06', NOW), {
      fromMs: Date.parse('2026-12-05T16:00:00Z'),
      toMs: NOW,
      periodS: 9.5 * 3600,
    });
    assert.equal(dayWindow('2026-12-07', NOW), null);
    assert.equal(dayWindow('yesterday', NOW), null);
    assert.equal(dayWindow('2026-13-45', NOW), null);
  });

  test('the chooser offers the kept days of GPS history, today first', () => {
    assert.deepEqual(keptDayList(NOW, 3), ['2026-12-06', '2026-12-05', '2026-12-04']);
    assert.deepEqual(keptDayList(NOW, 0), ['2026-12-06'], 'today at least');
  });

  test('a day plays in two minutes, an hour in one; the label is city time', () => {
    assert.equal(loopMsOf(86_400), 120_000);
    assert.equal(loopMsOf(3600), 60_000);
    assert.equal(loopMsOf(43_200), 60_000);
    // half-way through the two-minute loop is noon
    const t = loopTime(60_000, 86_400, loopMsOf(86_400));
    assert.equal(t, 43_200);
    assert.equal(clockLabel(Date.parse('2026-12-04T16:00:00Z'), t), '12:00');
    assert.equal(clockLabel(Date.parse('2026-12-04T16:00:00Z'), 86_399), '23:59');
  });

  test('the query names the team and the day; every vehicle means the last hour; both pass the contract', () => {
    const day = tracksQuery({ team: 'T-water-repair-2', day: '2026-12-05' }, NOW);
    assert.ok(day);
    const params = Object.fromEntries(new URL(day.path, 'http://x').searchParams);
    assert.deepEqual(params, {
      from: '2026-12-04T16:00:00.000Z',
      to: '2026-12-05T16:00:00.000Z',
      team: 'T-water-repair-2',
    });
    assert.equal(PlaybackTracksQuery.safeParse(params).success, true);
    const hour = tracksQuery({ team: '' }, NOW);
    assert.ok(hour);
    assert.equal(hour.periodS, 3600);
    assert.equal(new URL(hour.path, 'http://x').searchParams.has('team'), false);
    assert.equal(tracksQuery({ team: 'T-x', day: '2026-12-09' }, NOW), null, 'nothing to show yet');
  });

  test('the tracks query refuses a longer span, an unknown parameter and a malformed team id', () => {
    const base = { from: '2026-12-01T00:00:00Z', to: '2026-12-02T00:00:00Z' };
    assert.equal(PlaybackTracksQuery.safeParse({ ...base, vehicle: 'V-1,V-2' }).data?.vehicle?.length, 2);
    assert.equal(PlaybackTracksQuery.safeParse({ ...base, to: '2027-01-05T00:00:00Z' }).success, false);
    assert.equal(PlaybackTracksQuery.safeParse({ ...base, colour: 'red' }).success, false);
    assert.equal(PlaybackTracksQuery.safeParse({ ...base, team: 'a b' }).success, false);
  });

  test('team names: Chinese as stored, English from the department, the kind and the number', () => {
    const team: TeamView = {
      id: 'T-water-repair-2',
      name: '供水抢修二队',
      kind: 'repair',
      departmentId: 'water',
    };
    assert.equal(teamName(team, 'zh', 'Water Supply'), '供水抢修二队');
    assert.equal(teamName(team, 'en', 'Water Supply'), 'Water Supply · Repair team 2');
    assert.equal(teamName(team, 'en'), 'Repair team 2');
  });
});

describe('evaluation answers through the REST client', () => {
  const answer = () =>
    createApi({
      origin: 'http://briefing.test',
      token: () => 'token',
      onUnauthorized: () => undefined,
    }).get('/evaluation/trend?span=days', EvaluationTrend) as Promise<unknown>;
  const withFetch = async (body: unknown, run: () => Promise<unknown>) => {
    const real = globalThis.fetch;
    globalThis.fetch = async () => new Response(JSON.stringify(body), { status: 200 });
    try {
      return await run();
    } finally {
      globalThis.fetch = real;
    }
  };

  test('a well-formed answer comes back typed', async () => {
    const good = {
      span: 'days',
      points: [{ bucket: '2026-12-06', bySource: { hotline: 3 }, closedInTime: 1, overdue: 0 }],
    };
    assert.deepEqual(await withFetch(good, () => answer()), good);
  });

  test('a wrong answer is an ApiError (bad_response), not data for a chart', async () => {
    const wrong = { span: 'days', points: [{ bucket: '2026-12-06', bySource: { hotline: '3' } }] };
    await assert.rejects(
      withFetch(wrong, () => answer()),
      (error: unknown) => error instanceof ApiError && error.code === 'bad_response',
    );
    const report = { by: 'department', rows: [] };
    assert.equal(EvaluationReport.safeParse(report).success, false, 'a report without period and settings');
  });
});
