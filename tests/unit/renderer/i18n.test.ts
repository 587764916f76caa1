import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { en, zh, type MessageKey } from '../../../renderer/src/i18n/messages';
import { htmlLang, placeholders, translate } from '../../../renderer/src/i18n/translate';

const zhKeys = Object.keys(zh) as MessageKey[];

describe('i18n', () => {
  test('every Chinese key has an English translation and no extra English keys exist', () => {
    const missing = zhKeys.filter((key) => typeof en[key] !== 'string' || en[key].trim() === '');
    assert.deepEqual(missing, [], `missing English for: ${missing.join(', ')}`);
    const extra = Object.keys(en).filter((key) => !(key in zh));
    assert.deepEqual(extra, [], `English keys without Chinese: ${extra.join(', ')}`);
  });

  test('both languages use the same placeholders', () => {
    const mismatched = zhKeys.filter((key) => placeholders(zh[key]).join() !== placeholders(en[key]).join());
    assert.deepEqual(mismatched, []);
  });

  test('Chinese strings are Chinese', () => {
    const latinOnly = zhKeys.filter(
      (key) =>
        // Han characters, or Chinese full-width punctuation (a template like '{text}（{status}）')
        !/[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]/.test(zh[key]) &&
        !['lang.zh', 'lang.en', 'duty.none', 'unit.ms'].includes(key),
    );
    assert.deepEqual(latinOnly, []);
  });

  test('translate interpolates and leaves unknown placeholders visible', () => {
    assert.equal(translate('zh', 'app.title', { city: '海州市' }), '海州市城市运行管理服务平台');
    assert.equal(
      translate('en', 'app.title', { city: 'Haizhou City' }),
      'Haizhou City Operation Management Service Platform',
    );
    assert.equal(translate('zh', 'conn.since', { time: '14:03:07' }), '自 14:03:07');
    assert.equal(translate('en', 'conn.since'), 'since {time}');
  });

  test('html lang tags', () => {
    assert.equal(htmlLang('zh'), 'zh-CN');
    assert.equal(htmlLang('en'), 'en');
  });
});
