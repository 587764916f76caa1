import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { FUSE_CONFIG } from '../../../electron/fuses';

describe('fuses', () => {
  test('no Node.js backdoors, encrypted cookies, only the integrity-checked asar', () => {
    assert.equal(FUSE_CONFIG.version, FuseVersion.V1);
    assert.equal(FUSE_CONFIG[FuseV1Options.RunAsNode], false);
    assert.equal(FUSE_CONFIG[FuseV1Options.EnableNodeOptionsEnvironmentVariable], false);
    assert.equal(FUSE_CONFIG[FuseV1Options.EnableNodeCliInspectArguments], false);
    assert.equal(FUSE_CONFIG[FuseV1Options.EnableCookieEncryption], true);
    assert.equal(FUSE_CONFIG[FuseV1Options.OnlyLoadAppFromAsar], true);
    assert.equal(FUSE_CONFIG[FuseV1Options.EnableEmbeddedAsarIntegrityValidation], true);
    assert.equal(FUSE_CONFIG[FuseV1Options.GrantFileProtocolExtraPrivileges], false);
  });

  test('every fuse this @electron/fuses knows is decided, and strictly required', () => {
    assert.equal(FUSE_CONFIG.strictlyRequireAllFuses, true);
    const known = Object.values(FuseV1Options).filter((v): v is number => typeof v === 'number');
    for (const fuse of known) {
      const key = fuse as FuseV1Options;
      assert.equal(typeof FUSE_CONFIG[key], 'boolean', `fuse ${FuseV1Options[key]} has no decision`);
    }
  });
});
