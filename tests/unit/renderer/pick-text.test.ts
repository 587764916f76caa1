import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { pickFieldLines, pickText } from '../../../renderer/src/i18n/pickText';
import type { MapPick } from '../../../renderer/src/state/layers';
import type { ReferenceData } from '../../../renderer/src/state/reference';

const ref: ReferenceData = {
  categories: [
    {
      id: 'part-0101',
      kind: 'part',
      code: '0101',
      majorCode: '01',
      name: '上水井盖',
      nameEn: 'Water manhole cover',
      isMajor: false,
      active: true,
    },
  ],
  departments: [
    {
      id: 'water',
      name: '自来水公司',
      nameEn: 'Water company',
      kind: 'utility',
      districtCode: null,
      streetCode: null,
      active: true,
    },
  ],
  divisions: [{ code: '320706', name: '海州区', nameEn: 'Haizhou', level: 'district', parentCode: null }],
};

describe('map pick texts', () => {
  test('each kind reads as a sentence of the interface language around its data', () => {
    const cluster: MapPick = { kind: 'cluster', id: '01:1,2', label: '', cls: '01', count: 42, abnormal: 3 };
    assert.equal(pickText(cluster, 'zh'), '公用设施：42 个部件（异常 3）');
    assert.equal(pickText(cluster, 'en'), 'Utilities: 42 parts (3 abnormal)');
    assert.equal(pickText({ ...cluster, abnormal: 0 }, 'en'), 'Utilities: 42 parts');
    const fleet: MapPick = { kind: 'fleet', id: 'fleet:1:2', label: '', count: 17, lon: 119, lat: 34 };
    assert.equal(pickText(fleet, 'zh'), '作业车辆 17 辆（点击放大）');
    assert.equal(pickText(fleet, 'en'), '17 vehicles (click to zoom in)');
    const sensors: MapPick = {
      kind: 'devices',
      id: 'sensor:normal:1:2',
      label: '',
      of: 'sensor',
      status: 'normal',
      count: 23,
    };
    assert.equal(pickText(sensors, 'zh'), '感知设备 23 个');
    assert.equal(pickText({ ...sensors, status: 'alarm', count: 2 }, 'zh'), '感知设备 2 个（告警）');
    assert.equal(
      pickText({ ...sensors, of: 'camera', status: 'offline', count: 4 }, 'en'),
      '4 cameras (offline)',
    );
    const alarm: MapPick = { kind: 'alarm', id: 'a1', label: '海连路燃气井', level: 2 };
    assert.equal(pickText(alarm, 'zh'), '2级告警 海连路燃气井');
    assert.equal(pickText(alarm, 'en'), 'Level 2 alarm 海连路燃气井');
    const vehicle: MapPick = { kind: 'vehicle', id: 'v1', label: '苏G·00001', team: 'sanitation' };
    assert.equal(pickText(vehicle, 'zh'), '作业车辆 苏G·00001（环卫）');
    assert.equal(pickText(vehicle, 'en'), 'Vehicle 苏G·00001 (sanitation)');
    // A team kind this build does not know is shown as its code, not dropped.
    assert.equal(pickText({ ...vehicle, team: 'drone' }, 'en'), 'Vehicle 苏G·00001 (drone)');
    assert.equal(pickText({ kind: 'camera', id: 'c', label: '朝阳路口' }, 'en'), 'Camera 朝阳路口');
    // A device that is not working says so; a working one does not.
    assert.equal(
      pickText({ kind: 'camera', id: 'c', label: '朝阳路口', status: 'offline' }, 'zh'),
      '视频点位 朝阳路口（离线）',
    );
    assert.equal(
      pickText({ kind: 'sensor', id: 's', label: 'G-1', status: 'alarm' }, 'en'),
      'Sensor G-1 (alarm)',
    );
    assert.equal(pickText({ kind: 'sensor', id: 's', label: 'G-1', status: 'normal' }, 'en'), 'Sensor G-1');
    assert.equal(pickText({ kind: 'case', id: 'k', label: 'HZ2026' }, 'zh'), '案件 HZ2026');
    const part: MapPick = {
      kind: 'part',
      id: '3298010101000124',
      label: '3298010101000124',
      category: 'part-0101',
    };
    assert.equal(pickText(part, 'en', ref), 'Part Water manhole cover 3298010101000124');
    assert.equal(pickText(part, 'zh', ref), '部件 上水井盖 3298010101000124');
    // Before the reference data is in, the category's ID stands in for its name.
    assert.equal(pickText(part, 'en'), 'Part part-0101 3298010101000124');
  });

  test('detail lines: known fields and codes by name, times in the city zone, unknown as they are', () => {
    const lines = pickFieldLines(
      {
        id: 'S-1',
        type: 'gas',
        status: 'alarm',
        lastSeenAt: '2026-12-02T01:00:00Z',
        alarmLevel: null,
        partId: '',
        nested: { x: 1 },
        firmware: 'v2',
      },
      'zh',
    );
    assert.deepEqual(lines, [
      ['编码', 'S-1'],
      ['类型', '可燃气体'],
      ['状态', '告警'],
      ['最后上报', '2026-12-02 09:00:00'],
      ['firmware', 'v2'],
    ]);
    assert.deepEqual(pickFieldLines({ status: 'normal', lon: 119.2 }, 'en'), [
      ['Status', 'normal'],
      ['Longitude', '119.2'],
    ]);
    // A vehicle and a camera from their lists: team and owner by name, yes / no, no stream address.
    assert.deepEqual(
      pickFieldLines(
        { plate: '苏G·00001', kind: 'repair', teamId: 't-1', status: 'idle', speedKmh: 12.5 },
        'zh',
      ),
      [
        ['车牌', '苏G·00001'],
        ['作业类型', '市政维修'],
        ['状态', '待命'],
        ['速度（km/h）', '12.5'],
      ],
    );
    assert.deepEqual(
      pickFieldLines(
        { owner: 'traffic', ptz: true, streamUrl: '/video/1/index.m3u8', status: 'fault' },
        'en',
      ),
      [
        ['Owner', 'Traffic'],
        ['PTZ', 'yes'],
        ['Status', 'fault'],
      ],
    );
    assert.deepEqual(
      pickFieldLines(
        { categoryId: 'part-0101', ownerDepartmentId: 'water', districtCode: '320706' },
        'en',
        ref,
      ),
      [
        ['Category', 'Water manhole cover'],
        ['Owner department', 'Water company'],
        ['District', 'Haizhou'],
      ],
    );
  });
});
